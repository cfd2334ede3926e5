using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Channels.Tests.Support;

/// <summary>The messages the tests send: an alert of Loja Moema's sql-vendas in each event, a storm, a daily summary, in either language.</summary>
public static class Samples
{
    public static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
    public static readonly DateTime Opened = new(2026, 11, 30, 14, 5, 0, DateTimeKind.Utc);
    public static readonly Uri Sheet = new("https://docs.google.com/spreadsheets/d/abc123/edit");

    public static readonly FindingRecord TooSmall = new("min-size", SetStatus.Failed,
        "O backup mais recente tem 1,2 MB, menos que o mínimo de 50 MB.", "The newest backup is 1.2 MB, under the 50 MB minimum.");

    public static readonly FindingRecord Shrank = new("shrank", SetStatus.Warning,
        "O backup encolheu 40% em relação ao anterior.", "The backup shrank 40% from the previous one.");

    public static IEnumerable<SheetLanguage> Languages => [SheetLanguage.Portuguese, SheetLanguage.English];

    public static AlertRow Row(AlertEvent what = AlertEvent.Opened, SetStatus status = SetStatus.Failed, SetStatus previous = SetStatus.Ok, int n = 1, string branch = "F004", string set = "sql-vendas", TimeSpan? duration = null, DateTime? at = null) => new()
    {
        AlertId = $"{branch}/{set}/20261130-140500.{n}",
        AtUtc = at ?? Opened.AddHours(n - 1),
        BranchId = branch,
        SetId = set,
        Event = what,
        Status = status,
        Previous = previous,
        Reasons = status == SetStatus.Ok ? [] : status == SetStatus.Warning ? [Shrank] : [TooSmall],
        Duration = duration,
    };

    public static Notification Alert(SheetLanguage? language = null, AlertEvent what = AlertEvent.Opened, SetStatus status = SetStatus.Failed, SetStatus previous = SetStatus.Ok, int n = 1, string branch = "F004", string name = "Loja Moema", string set = "sql-vendas", TimeSpan? duration = null, DateTime? since = null) =>
        Notification.From(Row(what, status, previous, n, branch, set, duration), new NotificationContext
        {
            BranchName = name,
            SinceUtc = since ?? Opened,
            TimeZone = SaoPaulo,
            WhatToDo = status == SetStatus.Ok ? null : new Text("Confira o job de backup no servidor da loja.", "Check the backup job on the store's server."),
            SheetUrl = Sheet,
            Language = language ?? SheetLanguage.Portuguese,
        });

    /// <summary>Every event the alert log writes, with the status it would have, each in the incident of F004/sql-vendas.</summary>
    public static IEnumerable<Notification> EveryEvent(SheetLanguage language) =>
    [
        Alert(language, AlertEvent.Opened, SetStatus.Warning, SetStatus.Ok, 1),
        Alert(language, AlertEvent.Escalated, SetStatus.Failed, SetStatus.Warning, 2),
        Alert(language, AlertEvent.Reminder, SetStatus.Failed, SetStatus.Failed, 3, duration: TimeSpan.FromHours(26)),
        Alert(language, AlertEvent.Acknowledged, SetStatus.Failed, SetStatus.Failed, 4),
        Alert(language, AlertEvent.Resolved, SetStatus.Ok, SetStatus.Failed, 5, duration: TimeSpan.FromHours(30)),
        Alert(language, AlertEvent.Reopened, SetStatus.Missed, SetStatus.Ok, 1),
        Alert(language, AlertEvent.Opened, SetStatus.Silent, SetStatus.Ok, 1),
    ];

    public static StormDigest Storm(SheetLanguage? language = null, int count = 12) => new()
    {
        EventId = "storm/regional-sul/20261130-150000",
        Route = "Regional Sul",
        AtUtc = Opened.AddMinutes(55),
        TimeZone = SaoPaulo,
        Language = language ?? SheetLanguage.Portuguese,
        SheetUrl = Sheet,
        Notifications = [.. Enumerable.Range(1, count).Select(i => Alert(
            language,
            status: (i % 4) switch { 0 => SetStatus.Warning, 1 => SetStatus.Failed, 2 => SetStatus.Missed, _ => SetStatus.Silent },
            branch: $"F{i:000}",
            name: $"Loja {i}",
            set: "sql",
            since: Opened.AddMinutes(-i)))],
    };

    public static DailySummary Summary(SheetLanguage? language = null, int problems = 3) => new()
    {
        EventId = "summary/regional-sul/2026-12-01",
        Route = "Regional Sul",
        Day = new DateOnly(2026, 12, 1),
        AtUtc = new DateTime(2026, 12, 1, 11, 0, 0, DateTimeKind.Utc),
        TimeZone = SaoPaulo,
        Language = language ?? SheetLanguage.Portuguese,
        SheetUrl = Sheet,
        Counts = new SummaryCounts(Ok: 280, Warning: 1, Failed: 1, Missed: 1, Silent: Math.Max(0, problems - 3)),
        Problems = [.. Enumerable.Range(1, problems).Select(i => new SummaryProblem
        {
            BranchId = $"F{i:000}",
            BranchName = $"Loja {i}",
            SetId = "sql",
            Status = (i % 3) switch { 0 => SetStatus.Warning, 1 => SetStatus.Failed, _ => SetStatus.Missed },
            SinceUtc = Opened.AddHours(-i),
            TimeZone = SaoPaulo,
            Reasons = [TooSmall],
        })],
        Recovered = [new SummaryRecovery { BranchId = "F010", BranchName = "Loja Centro", SetId = "fotos", ResolvedUtc = new DateTime(2026, 12, 1, 5, 0, 0, DateTimeKind.Utc), Lasted = TimeSpan.FromHours(3), TimeZone = SaoPaulo }],
        Probes =
        [
            new ProbeNotice { BranchId = "F020", BranchName = "Loja Norte", Version = "0.9.0" },
            new ProbeNotice { BranchId = "F021", BranchName = "Loja Sul", Version = "0.9.1", UpdateFailed = true, Detail = "assinatura inválida" },
        ],
    };
}
