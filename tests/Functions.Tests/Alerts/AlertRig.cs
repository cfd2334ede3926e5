using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Collector.Admin;
using MonitoramentoBKP.Collector.Channels.Dispatch;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Notify;
using MonitoramentoBKP.Collector.Silencing;
using MonitoramentoBKP.Collector.Sweep;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Functions.Tests.Support;

namespace MonitoramentoBKP.Functions.Tests.Alerts;

/// <summary>
/// Alert dispatchers over in-memory storage, a fake clock and recording channels, with a registry of
/// <c>sulCount</c> branches tagged "sul" (S01...), one tagged "norte" (N01), and three routes: "sul" (missed or
/// worse, quiet 22:00-07:00 waking for failed), "norte" (opened and resolved only) and "ops" (everything).
/// </summary>
public sealed class AlertRig
{
    /// <summary>07:30 in São Paulo: after the quiet hours, before the 08:00 summaries.</summary>
    public static readonly DateTimeOffset Morning = new(2026, 12, 2, 10, 30, 0, TimeSpan.Zero);

    private int _changes;

    public AlertRig(int sulCount = 2, DateTimeOffset? now = null)
    {
        Time = new FakeTimeProvider(now ?? Morning);
        Registry = new RegistryService(RegistryStore, Time, State);
        Silences = new StoredSilences(Registry, State);
        var report = Registry.ImportAsync(RegistryJson(sulCount), default).GetAwaiter().GetResult();
        Assert.Empty(report.Problems);
    }

    public FakeTimeProvider Time { get; }
    public InMemoryStore State { get; } = new();
    public InMemoryRegistryStore RegistryStore { get; } = new();
    public RegistryService Registry { get; }
    public InMemoryReleases Releases { get; } = new();
    public InMemoryNotifyLedger Ledger { get; } = new();
    public TestRouteChannels Channels { get; } = new();
    public AlertDispatchOptions Options { get; set; } = new() { SheetUrl = new Uri("https://docs.google.com/spreadsheets/d/test") };

    /// <summary>Silences as the collector keeps them (the state's and the registry's); <see cref="NoSilences"/> to ignore them.</summary>
    public IAlertSilences Silences { get; set; }

    public AlertDispatcher Dispatcher(InMemoryNotifyLedger? ledger = null) =>
        new(ledger ?? Ledger, State.ChannelOutbox, Registry, State, Releases, Channels, Silences, Options, Time, NullLogger<AlertDispatcher>.Instance);

    public SilenceService SilenceService => new(Registry, State, State, State, State, Time);

    public SweepService Sweep => new(Registry, State, State, State, State, Time);

    /// <summary>The set "sql" of <paramref name="branchId"/> is judged <paramref name="to"/> now: state and change committed together, as ingest does.</summary>
    public async Task JudgeAsync(string branchId, SetStatus to)
    {
        var snapshot = await State.ReadAsync(branchId, default);
        var before = snapshot.Sets.GetValueOrDefault("sql") ?? new SetState { SetId = "sql" };
        var now = Time.GetUtcNow().UtcDateTime;
        var after = before with
        {
            Status = to,
            SinceUtc = now,
            Reasons = to == SetStatus.Ok ? [] : [new FindingRecord("test", to, "motivo", "reason")],
            LastRunUtc = now,

            // An OK set has tonight's backup, so the sweep finds nothing missing until the next slot.
            Newest = to == SetStatus.Ok ? new BackupObservation("C:\\b\\sql.bak", 1000, now, new string('a', 64)) : before.Newest,
        };
        var change = BranchJudgement.Change(branchId, before, after, after.Reasons, now, Guid.NewGuid()) with { ChangeId = $"c{Interlocked.Increment(ref _changes):D5}" };
        Assert.True(await State.TryCommitAsync(branchId, snapshot, new BranchUpdate { Contact = snapshot.Contact with { LastContactUtc = now }, Sets = [after], Changes = [change] }, null, default));
        await State.MarkAsync(branchId, default);
    }

    public Task<AlertDispatchResult> DispatchAsync() => Dispatcher().DispatchAsync(default);

    /// <summary>The set "sql" of <paramref name="branchId"/> goes from <paramref name="from"/> to <paramref name="to"/> now (committed and marked, as ingest does).</summary>
    public async Task ChangeAsync(string branchId, SetStatus from, SetStatus to)
    {
        var change = new StatusChange
        {
            ChangeId = $"c{Interlocked.Increment(ref _changes):D5}",
            BranchId = branchId,
            SetId = "sql",
            Old = from,
            New = to,
            Reasons = to == SetStatus.Ok ? [] : [new FindingRecord("test", to, "motivo", "reason")],
            AtUtc = Time.GetUtcNow().UtcDateTime,
            Notify = true,
        };
        lock (State.Changes)
        {
            State.Changes.Add(change);
        }

        await State.MarkAsync(branchId, default);
    }

    public IReadOnlyList<Notification> Alerts(string routeId) => [.. Channels.Of(routeId).Sent.OfType<Notification>()];

    public IReadOnlyList<ChannelMessage> Messages(string routeId) => [.. Channels.Of(routeId).Sent];

    private static string RegistryJson(int sulCount)
    {
        var branches = new JsonArray();
        for (var i = 1; i <= sulCount; i++)
        {
            branches.Add(new JsonObject { ["id"] = $"S{i:D2}", ["name"] = $"Loja Sul {i}", ["template"] = "loja", ["tags"] = new JsonArray("sul") });
        }

        branches.Add(new JsonObject { ["id"] = "N01", ["name"] = "Loja Norte", ["template"] = "loja", ["tags"] = new JsonArray("norte") });
        var registry = JsonNode.Parse("""
            {
              "templates": { "loja": { "sets": [ { "id": "sql", "root": "C:\\b", "schedule": "0 22 * * *" } ] } },
              "routes": [
                { "id": "sul", "name": "Regional Sul", "channel": "email", "settings": "sul", "branches": { "tags": ["sul"] },
                  "minSeverity": "missed", "quietHours": { "from": "22:00", "to": "07:00", "wake": "failed" } },
                { "id": "norte", "channel": "telegram", "settings": "norte", "branches": { "tags": ["norte"] }, "events": ["opened", "resolved", "dailySummary"] },
                { "id": "ops", "name": "Operações", "channel": "googleChat", "settings": "ops" }
              ]
            }
            """)!.AsObject();
        registry["branches"] = branches;
        return registry.ToJsonString();
    }
}
