using System.Globalization;

namespace MonitoramentoBKP.Collector.Sheets;

/// <summary>
/// One cell: text, or a moment already converted to the branch's own time zone. The Google writer sends a moment as
/// a date serial number under the column's date format; the local sheet and the CSV files show it formatted.
/// </summary>
public sealed record SheetCell
{
    public static readonly SheetCell Empty = new();

    public string Text { get; init; } = "";

    /// <summary>A wall-clock time in the branch's zone (Kind unspecified); null for a text cell.</summary>
    public DateTime? Local { get; init; }

    public static SheetCell Of(string? text) => string.IsNullOrEmpty(text) ? Empty : new() { Text = text };

    public static SheetCell At(DateTime? utc, TimeZoneInfo zone) => utc is { } t
        ? new() { Local = DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(t, DateTimeKind.Utc), zone), DateTimeKind.Unspecified) }
        : Empty;

    /// <summary>What a person sees: the text, or the moment in the sheet language's date format.</summary>
    public string Display(SheetLanguage language) =>
        Local is { } local ? local.ToString(language.DateTimePattern, CultureInfo.InvariantCulture) : Text;

    /// <summary>Days since 1899-12-30, the spreadsheet's date serial number.</summary>
    public static double Serial(DateTime local) => (local - new DateTime(1899, 12, 30)).TotalDays;
}
