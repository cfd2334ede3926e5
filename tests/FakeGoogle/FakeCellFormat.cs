using System.Text.Json.Nodes;

namespace MonitoramentoBKP.FakeGoogle;

/// <summary>
/// A CellFormat, with the parts the collector's tests assert on read out; <see cref="Json"/> holds all of it
/// (canonical lowerCamel JSON) for anything else.
/// </summary>
public sealed class FakeCellFormat
{
    internal FakeCellFormat(JsonObject json)
    {
        Json = json.ToJsonString();
        var text = json.OptionalObject("textFormat");
        Bold = text?.OptionalBool("bold");
        Italic = text?.OptionalBool("italic");
        ForegroundColor = FakeColor.From(text?.OptionalObject("foregroundColor") ?? text?.OptionalObject("foregroundColorStyle")?.OptionalObject("rgbColor"));
        var number = json.OptionalObject("numberFormat");
        NumberFormatType = number?.OptionalString("type");
        NumberFormatPattern = number?.OptionalString("pattern");
        BackgroundColor = FakeColor.From(json.OptionalObject("backgroundColor") ?? json.OptionalObject("backgroundColorStyle")?.OptionalObject("rgbColor"));
        HorizontalAlignment = json.OptionalString("horizontalAlignment");
        WrapStrategy = json.OptionalString("wrapStrategy");
    }

    public bool? Bold { get; }

    public bool? Italic { get; }

    public FakeColor? ForegroundColor { get; }

    /// <summary>NumberFormat.type: TEXT, NUMBER, PERCENT, CURRENCY, DATE, TIME, DATE_TIME, SCIENTIFIC.</summary>
    public string? NumberFormatType { get; }

    public string? NumberFormatPattern { get; }

    /// <summary>backgroundColor, or backgroundColorStyle.rgbColor when only that was sent.</summary>
    public FakeColor? BackgroundColor { get; }

    public string? HorizontalAlignment { get; }

    public string? WrapStrategy { get; }

    public string Json { get; }

    public bool IsEmpty => Json == "{}";

    public override string ToString() => Json;
}
