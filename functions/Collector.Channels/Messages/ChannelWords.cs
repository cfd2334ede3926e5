using MonitoramentoBKP.Collector.Localization;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Channels.Messages;

/// <summary>
/// The words messages are written with. What the sheet already says (status words, event names, column headers)
/// is taken from the sheet's own lists, so a message and the sheet never name one thing two ways; only what the
/// sheet has no word for is written here.
/// </summary>
public static class ChannelWords
{
    public static Text Since { get; } = Column("Since");
    public static Text Reason { get; } = Column("Reason");
    public static Text Event { get; } = Column("Event");
    public static Text Status { get; } = Column("Status");
    public static Text Previous { get; } = Column("Previous");
    public static Text Duration { get; } = Column("Duration");
    public static Text TimeZone { get; } = Column("Time zone");
    public static Text Alert { get; } = Column("Alert");
    public static Text Time { get; } = Column("Time");
    public static Text ProbeVersion { get; } = Column("Probe version");

    public static Text WhatToDo { get; } = new("O que fazer", "What to do");
    public static Text OpenSheet { get; } = new("Abrir a planilha", "Open the sheet");
    public static Text Reference { get; } = new("Referência", "Reference");
    public static Text DailySummary { get; } = new("Resumo diário", "Daily summary");
    public static Text Problems { get; } = new("Problemas", "Problems");
    public static Text NoProblems { get; } = new("Nenhum problema", "No problems");
    public static Text RecoveredLastDay { get; } = new("Recuperados nas últimas 24 h", "Recovered in the last 24 h");
    public static Text Probes { get; } = new("Sondas que pedem atenção", "Probes that need a look");
    public static Text OldVersion { get; } = new("versão antiga", "old version");
    public static Text UpdateFailed { get; } = new("a atualização falhou", "the update failed");
    public static Text Lasted { get; } = new("durou", "lasted");

    public static Text Alerts(int count) => new(count == 1 ? "1 alerta" : $"{count} alertas", count == 1 ? "1 alert" : $"{count} alerts");

    /// <summary>The line that closes a list cut short: "… e mais 12" / "… and 12 more".</summary>
    public static Text AndMore(int count) => new($"… e mais {count}", $"… and {count} more");

    public static Text StatusWord(Domain.SetStatus status) => SheetPalette.Label(status);

    public static Text EventWord(Alerts.AlertEvent what) => SheetLayout.EventLabel(what);

    /// <summary>A moment as the sheet shows it, in <paramref name="zone"/>: "30/11/2026 11:05" / "2026-11-30 11:05".</summary>
    public static string Moment(DateTime utc, TimeZoneInfo zone, SheetLanguage language) => SheetCell.At(utc, zone).Display(language);

    private static Text Column(string english) =>
        SheetLayout.StatusColumns.Concat(SheetLayout.AlertColumns).FirstOrDefault(c => c.Header.En == english)?.Header
        ?? throw new InvalidOperationException($"The sheet has no column \"{english}\" to take the channel's word from.");
}
