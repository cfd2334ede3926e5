using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.LocalHost.Tests.Support;

/// <summary>
/// Tabs for a known state, built from the sheet's own layout and words: four branches failed, missed, warned and
/// ok (worst first, as the Status tab orders them), an alert opened and resolved, and a month of history with
/// every kind of day.
/// </summary>
public static class SampleSheet
{
    public static readonly DateOnly Today = new(2026, 11, 30);

    /// <summary>A branch name as people type them, which the page must show as text.</summary>
    public const string Awkward = "<script>alert(1)</script> & Filhos";

    /// <summary>The history days in order: done, warned, broken, closed, and unknown (blank), over and over.</summary>
    public static readonly string[] Days = [.. Enumerable.Range(0, SheetLayout.HistoryDays).Select(d => new[] { "✓", "!", "✗", "–", "" }[d % 5])];

    public static IReadOnlyList<SheetTab> Layout(SheetLanguage language) =>
    [
        new(SheetTab.Status, SheetLayout.StatusColumns, []),
        new(SheetTab.Alerts, SheetLayout.AlertColumns, []),
        new(SheetTab.History, SheetLayout.HistoryColumns(Today, language), []),
    ];

    public static SheetTab Status(SheetLanguage language, string name = "Loja Centro") => new(SheetTab.Status, SheetLayout.StatusColumns,
    [
        StatusRow(language, "F004", name, SetStatus.Failed, "Backup vazio"),
        StatusRow(language, "F007", Awkward, SetStatus.Missed, "Nenhum backup desde ontem"),
        StatusRow(language, "F002", "Loja Norte", SetStatus.Warning, "Pouco espaço em disco"),
        StatusRow(language, "F001", "Matriz", SetStatus.Ok, ""),
    ]);

    public static SheetTab Opened(SheetLanguage language, string id) =>
        new(SheetTab.Alerts, SheetLayout.AlertColumns, [AlertRow(language, id, AlertEvent.Opened, SetStatus.Failed, SetStatus.Ok)]);

    public static SheetTab Resolved(SheetLanguage language, string id) =>
        new(SheetTab.Alerts, SheetLayout.AlertColumns, [AlertRow(language, id, AlertEvent.Resolved, SetStatus.Ok, SetStatus.Failed)]);

    public static SheetTab History(SheetLanguage language) => new(SheetTab.History, SheetLayout.HistoryColumns(Today, language),
    [
        [SheetCell.Of("F001"), SheetCell.Of("Matriz"), SheetCell.Of("sql-vendas"), .. Days.Select(SheetCell.Of)],
        [SheetCell.Of("F002"), SheetCell.Of("Loja Norte"), SheetCell.Of("sql-vendas"), .. Days.Select(_ => SheetCell.Of("✓"))],
    ]);

    public static SheetCell Moment(int hour, int minute) => new() { Local = new DateTime(2026, 11, 30, hour, minute, 0) };

    private static SheetCell[] StatusRow(SheetLanguage language, string id, string name, SetStatus status, string reason) =>
    [
        SheetCell.Of(id),
        SheetCell.Of(name),
        SheetCell.Of("sql-vendas"),
        SheetCell.Of(language.Say(SheetPalette.Label(status))),
        Moment(2, 10),
        SheetCell.Of(reason),
        Moment(1, 45),
        SheetCell.Of(@"D:\Backup\Vendas_1130.bak"),
        SheetCell.Of("286 MB"),
        Moment(2, 5),
        SheetCell.Of("1.4.0"),
        SheetCell.Of("America/Sao_Paulo"),
    ];

    private static SheetCell[] AlertRow(SheetLanguage language, string id, AlertEvent what, SetStatus status, SetStatus previous) =>
    [
        SheetCell.Of(id),
        Moment(3, 0),
        SheetCell.Of("F004"),
        SheetCell.Of("Loja Centro"),
        SheetCell.Of("sql-vendas"),
        SheetCell.Of(language.Say(SheetLayout.EventLabel(what))),
        SheetCell.Of(language.Say(SheetPalette.Label(status))),
        SheetCell.Of(language.Say(SheetPalette.Label(previous))),
        SheetCell.Of(status == SetStatus.Ok ? "" : "Backup vazio"),
        SheetCell.Of(status == SetStatus.Ok ? "2 h" : ""),
        SheetCell.Of("America/Sao_Paulo"),
    ];
}
