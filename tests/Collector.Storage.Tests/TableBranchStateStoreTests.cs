using MonitoramentoBKP.Collector.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.Rules;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Collector.Storage.Tests.Support;
using MonitoramentoBKP.Contracts;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;
using Manifests = MonitoramentoBKP.Collector.Tests.Support.Manifests;

namespace MonitoramentoBKP.Collector.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableBranchStateStoreTests(Azurite azurite)
{
    private static readonly DateTime Night = Local(2026, 11, 30, 23);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Night.AddHours(12), TimeSpan.Zero));

    /// <summary>Counts refused commits, to show the race really happened.</summary>
    private sealed class Counting(IBranchStateStore inner) : IBranchStateStore
    {
        public int Refused;

        public Task<BranchSnapshot> ReadAsync(string branchId, CancellationToken cancellationToken) => inner.ReadAsync(branchId, cancellationToken);

        public Task<bool> IsAppliedAsync(string branchId, Guid runId, CancellationToken cancellationToken) => inner.IsAppliedAsync(branchId, runId, cancellationToken);

        public async Task<bool> TryCommitAsync(string branchId, BranchSnapshot snapshot, BranchUpdate update, Guid? runId, CancellationToken cancellationToken)
        {
            var ok = await inner.TryCommitAsync(branchId, snapshot, update, runId, cancellationToken);
            if (!ok)
            {
                Interlocked.Increment(ref Refused);
            }

            return ok;
        }
    }

    private static BranchPolicy Branch(string id) => new() { Id = id, Name = id, Template = "loja", Sets = [Policy()] };

    private static Manifest Run(string branch, DateTime at, long size) =>
        Manifest(at, Set(File($"Vendas_{at:MMddHHmm}.bak", size, at.AddMinutes(-30)))) with { BranchId = branch };

    [Fact]
    public async Task A_committed_update_reads_back_field_for_field()
    {
        var store = new TableBranchStateStore(await Fresh.TableAsync(azurite), _time);
        var state = new SetState
        {
            SetId = "sql",
            Status = SetStatus.Warning,
            SinceUtc = Night,
            Reasons = [new FindingRecord("low-free-space", SetStatus.Warning, "pouco espaço", "low space")],
            Newest = new BackupObservation("Vendas.bak", 123, Night.AddHours(-1), Sha("x")),
            LastRunUtc = Night,
            LastRunId = Guid.CreateVersion7(),
            RecentBackups = [new BackupObservation("Vendas.bak", 123, Night.AddHours(-1), Sha("x"))],
            NextCheckDueUtc = Night.AddDays(1),
        };
        var change = BranchJudgement.Change("F001", new SetState { SetId = "sql" }, state, state.Reasons, Night, state.LastRunId);
        var update = new BranchUpdate
        {
            Contact = new BranchContact { LastContactUtc = Night, ProbeVersion = "0.1.0", LastRunUtc = Night, LastManifestBlob = "F001/x.json.gz" },
            Sets = [state],
            Changes = [change],
            Days = [new DayVerdict("sql", new DateOnly(2026, 11, 30), SetStatus.Warning, Night)],
        };

        Assert.True(await store.TryCommitAsync("F001", BranchSnapshot.Empty, update, state.LastRunId, default));
        var back = await store.ReadAsync("f001", default);

        Assert.NotNull(back.Version);
        Assert.Equal(update.Contact, back.Contact);
        Assert.Equal(state with { Reasons = [], RecentBackups = [] }, back.Sets["sql"] with { Reasons = [], RecentBackups = [] });
        Assert.Equal(state.Reasons, back.Sets["sql"].Reasons);
        Assert.Equal(state.RecentBackups, back.Sets["sql"].RecentBackups);
        Assert.Equal(SetStatus.Warning, back.Days[("sql", new DateOnly(2026, 11, 30))].Status);
        Assert.True(await store.IsAppliedAsync("F001", state.LastRunId!.Value, default));
        var stored = Assert.Single(await store.ChangesAsync("F001", default));
        Assert.Equal(change with { Reasons = [] }, stored with { Reasons = [] });
    }

    [Fact]
    public async Task A_write_from_a_stale_read_is_refused_and_nothing_of_it_is_written()
    {
        var store = new TableBranchStateStore(await Fresh.TableAsync(azurite), _time);
        var first = new BranchUpdate { Contact = new BranchContact { ProbeVersion = "1" }, Sets = [new SetState { SetId = "sql", Status = SetStatus.Ok }] };
        Assert.True(await store.TryCommitAsync("F001", BranchSnapshot.Empty, first, null, default));
        var read = await store.ReadAsync("F001", default);
        Assert.True(await store.TryCommitAsync("F001", read, first with { Contact = new BranchContact { ProbeVersion = "2" } }, null, default));

        var stale = first with { Contact = new BranchContact { ProbeVersion = "3" }, Sets = [new SetState { SetId = "sql", Status = SetStatus.Failed }] };
        var refused = await store.TryCommitAsync("F001", read, stale, Guid.NewGuid(), default);
        var createdTwice = await store.TryCommitAsync("F001", BranchSnapshot.Empty, stale, null, default);

        Assert.False(refused);
        Assert.False(createdTwice);
        var now = await store.ReadAsync("F001", default);
        Assert.Equal("2", now.Contact.ProbeVersion);
        Assert.Equal(SetStatus.Ok, now.Sets["sql"].Status);
    }

    [Fact]
    public async Task Manifests_of_one_branch_racing_on_real_storage_all_count_and_end_as_if_in_order()
    {
        var table = await Fresh.TableAsync(azurite);
        var container = await Fresh.ContainerAsync(azurite);
        var store = new TableBranchStateStore(table, _time);
        var counting = new Counting(store);
        var due = new TableDueIndex(await Fresh.TableAsync(azurite));
        var outbox = new TableOutbox(await Fresh.TableAsync(azurite), table, _time);
        var baselines = new BlobBaselineStore(await Fresh.ContainerAsync(azurite));
        var limits = new IngestLimits();

        // Each manifest on an instance of its own (its own per-branch queue), so they race for the partition.
        IngestService Instance() => new(new FixedDirectory(Branch("F001"), Branch("F002")), new BlobManifestArchive(container), counting, baselines, due, outbox, new CountingSignal(), new BranchJudgement(Judge.Default), _time, limits, new LargeManifestGate(limits), new BranchQueue());
        var service = Instance();
        var runs = Enumerable.Range(0, 12).Select(i => Night.AddHours(-i * 6)).ToList();

        var racing = await Task.WhenAll(runs.Select(at => Task.Run(() => Instance().IngestAsync(Manifests.Request(Run("F001", at, 1000 + at.Hour)), default))));
        foreach (var at in runs.OrderBy(t => t))
        {
            await service.IngestAsync(Manifests.Request(Run("F002", at, 1000 + at.Hour)), default);
        }

        Assert.All(racing, o => Assert.Equal(IngestResult.Accepted, o.Result));
        Assert.True(counting.Refused > 0, "no commit was refused: the manifests did not actually race");
        var raced = (await store.ReadAsync("F001", default)).Sets["sql"];
        var ordered = (await store.ReadAsync("F002", default)).Sets["sql"];
        Assert.Equal(ordered.Status, raced.Status);
        Assert.Equal(ordered.LastRunUtc, raced.LastRunUtc);
        Assert.Equal(ordered.Newest, raced.Newest);
        Assert.Equal(ordered.RecentBackups, raced.RecentBackups);
        Assert.Equal(runs.Count, raced.RecentBackups.Count);
        var days = (await store.ReadAsync("F001", default)).Days;
        Assert.Equal((await store.ReadAsync("F002", default)).Days.OrderBy(d => d.Key).Select(d => (d.Key, d.Value.Status, d.Value.RunUtc)), days.OrderBy(d => d.Key).Select(d => (d.Key, d.Value.Status, d.Value.RunUtc)));
    }

    [Fact]
    public async Task Fifty_manifests_of_one_branch_at_once_on_three_instances_are_all_accepted_once_after_retries_and_none_is_a_fault()
    {
        var table = await Fresh.TableAsync(azurite);
        var store = new TableBranchStateStore(table, _time);
        var counting = new Counting(store);
        var container = await Fresh.ContainerAsync(azurite);
        var due = new TableDueIndex(await Fresh.TableAsync(azurite));
        var outbox = new TableOutbox(await Fresh.TableAsync(azurite), table, _time);
        var baselines = new BlobBaselineStore(await Fresh.ContainerAsync(azurite));

        // Few commit attempts, so instances racing really run out of them and answer 503.
        var limits = new IngestLimits { MaxCommitAttempts = 2 };
        var instances = Enumerable.Range(0, 3).Select(_ => new IngestService(new FixedDirectory(Branch("F001")), new BlobManifestArchive(container), counting, baselines, due, outbox,
            new CountingSignal(), new BranchJudgement(Judge.Default), _time, limits, new LargeManifestGate(limits), new BranchQueue())).ToList();
        var runs = Enumerable.Range(0, 50).Select(i => Run("F001", Night.AddMinutes(-i * 10), 1000 + i)).ToList();
        var answers = new System.Collections.Concurrent.ConcurrentBag<int>();

        // As the probe does: the same manifest again after a 503, up to 20 times.
        async Task<IngestOutcome> Deliver(Manifest manifest, int index)
        {
            for (var attempt = 0; ; attempt++)
            {
                var outcome = await instances[(index + attempt) % instances.Count].IngestAsync(Manifests.Request(manifest), default);
                answers.Add(outcome.StatusCode);
                if (outcome.StatusCode != 503 || attempt == 20)
                {
                    return outcome;
                }

                Assert.NotNull(outcome.RetryAfterSeconds);
                await Task.Delay(Random.Shared.Next(5, 50));
            }
        }

        var outcomes = await Task.WhenAll(runs.Select((m, i) => Task.Run(() => Deliver(m, i))));

        Assert.All(outcomes, o => Assert.Contains(o.StatusCode, new[] { 200, 202 }));
        Assert.All(answers, code => Assert.Contains(code, new[] { 200, 202, 503 }));
        Assert.Equal(50, outcomes.Count(o => o.StatusCode == 202) + outcomes.Count(o => o.StatusCode == 200));
        foreach (var run in runs)
        {
            Assert.True(await store.IsAppliedAsync("F001", run.RunId, default));
        }

        var applied = 0;
        await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "F001" && e.RowKey.CompareTo("run|") >= 0 && e.RowKey.CompareTo("run}") < 0))
        {
            applied++;
        }

        Assert.Equal(50, applied);
        Assert.True(counting.Refused > 0, "no commit was refused: the instances did not actually race");
        var set = (await store.ReadAsync("F001", default)).Sets["sql"];
        Assert.Equal(runs[0].RunId, set.LastRunId);
        Assert.Equal(BranchJudgement.HistoryLength, set.RecentBackups.Count);
    }
}
