using System.Text.Json.Nodes;

namespace MonitoramentoBKP.FakeGoogle;

/// <summary>A conditional format rule of a sheet, in priority order; <see cref="Json"/> holds the whole rule.</summary>
public sealed class FakeConditionalFormatRule
{
    internal FakeConditionalFormatRule(JsonObject json)
    {
        Json = json.ToJsonString();
        Ranges = [.. json.Array("ranges").Select(r => Model.GridBounds.From(r!.AsObject()).ToPublic())];
        var boolean = json.OptionalObject("booleanRule");
        IsGradient = json.OptionalObject("gradientRule") is not null;
        var condition = boolean?.OptionalObject("condition");
        ConditionType = condition?.OptionalString("type");
        ConditionValues = [.. (condition?.Array("values") ?? []).Select(v => v!.AsObject().OptionalString("userEnteredValue") ?? v!.AsObject().OptionalString("relativeDate") ?? string.Empty)];
        Format = new FakeCellFormat(boolean?.OptionalObject("format") ?? []);
    }

    public IReadOnlyList<FakeGridRange> Ranges { get; }

    /// <summary>BooleanCondition.type, e.g. TEXT_EQ, TEXT_CONTAINS, CUSTOM_FORMULA; null for a gradient rule.</summary>
    public string? ConditionType { get; }

    /// <summary>Each ConditionValue's userEnteredValue (or relativeDate).</summary>
    public IReadOnlyList<string> ConditionValues { get; }

    public FakeCellFormat Format { get; }

    public FakeColor? BackgroundColor => Format.BackgroundColor;

    public bool IsGradient { get; }

    public string Json { get; }

    public override string ToString() => Json;
}
