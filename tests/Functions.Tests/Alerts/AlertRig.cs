using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Collector.Admin;
using MonitoramentoBKP.Collector.Channels.Dispatch;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Notify;
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
        Registry = new RegistryService(RegistryStore);
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

    public AlertDispatcher Dispatcher(InMemoryNotifyLedger? ledger = null) =>
        new(ledger ?? Ledger, State.ChannelOutbox, Registry, State, Releases, Channels, NoSilences.Instance, Options, Time, NullLogger<AlertDispatcher>.Instance);

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
