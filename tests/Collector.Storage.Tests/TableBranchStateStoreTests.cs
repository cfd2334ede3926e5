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

    private sealed class Directory(params BranchPolicy[] branches) : IBranchDirectory
    {
        public Task<BranchPolicy?> FindAsync(string branchId, CancellationToken cancellationToken) =>
            Task.FromResult(branches.FirstOrDefault(b => string.Equals(b.Id, branchId, StringComparison.OrdinalIgnoreCase)));
    }

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
        IngestService Instance() => new(new Directory(Branch("F001"), Branch("F002")), new BlobManifestArchive(container), counting, baselines, due, outbox, new CountingSignal(), new BranchJudgement(Judge.Default), _time, limits, new LargeManifestGate(limits), new BranchQueue());
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
}
