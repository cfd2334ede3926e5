using MonitoramentoBKP.Collector.Localization;

namespace MonitoramentoBKP.Collector.Sheets;

/// <summary>The language the managers' sheet is written in: Brazilian Portuguese by default, English by setting ("SheetLanguage": "en").</summary>
public sealed record SheetLanguage
{
    public static readonly SheetLanguage Portuguese = new("pt", "dd/MM/yyyy HH:mm", "dd/mm/yyyy hh:mm", "dd/MM", ';');
    public static readonly SheetLanguage English = new("en", "yyyy-MM-dd HH:mm", "yyyy-mm-dd hh:mm", "MM-dd", ',');

    private SheetLanguage(string code, string dateTimePattern, string sheetDateTimePattern, string dayPattern, char csvSeparator)
    {
        Code = code;
        DateTimePattern = dateTimePattern;
        SheetDateTimePattern = sheetDateTimePattern;
        DayPattern = dayPattern;
        CsvSeparator = csvSeparator;
    }

    public string Code { get; }

    /// <summary>.NET format of a moment ("30/11/2026 14:05").</summary>
    public string DateTimePattern { get; }

    /// <summary>The same format as a spreadsheet number-format pattern (Google's DATE_TIME pattern syntax).</summary>
    public string SheetDateTimePattern { get; }

    /// <summary>.NET format of a history column's day ("30/11").</summary>
    public string DayPattern { get; }

    /// <summary>';' where the decimal mark is a comma (pt-BR spreadsheet programs expect it), ',' otherwise.</summary>
    public char CsvSeparator { get; }

    public string Say(Text text) => text.In(Code);

    /// <summary>"en..." is English; anything else, including nothing, is Portuguese.</summary>
    public static SheetLanguage From(string? setting) =>
        setting is not null && setting.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Portuguese;
}
