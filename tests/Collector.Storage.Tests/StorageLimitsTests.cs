using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.Rules;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Collector.Storage.Tests.Support;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;
using Manifests = MonitoramentoBKP.Collector.Tests.Support.Manifests;

namespace MonitoramentoBKP.Collector.Storage.Tests;

/// <summary>
/// Whatever a manifest holds, what the collector writes fits Table Storage: at most 64 KiB per property, 1 MiB per
/// entity and 100 operations per transaction ("Understanding the Table service data model" and "Performing entity
/// group transactions", Azure Storage docs). Sizes are computed the way those docs count them, since the emulator
/// does not enforce every limit.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageLimitsTests(Azurite azurite)
{
    private const int MaxPropertyBytes = 64 * 1024;
    private const int MaxEntityBytes = 1024 * 1024;
    private const int MaxBatch = 100;

    private static readonly DateTime Night = Local(2026, 11, 30, 23);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Night.AddMinutes(2), TimeSpan.Zero));

    /// <summary>Records the size of every transaction the ingest commits.</summary>
    private sealed class Recording(IBranchStateStore inner) : IBranchStateStore
    {
        public List<int> Operations { get; } = [];

        public Task<BranchSnapshot> ReadAsync(string branchId, CancellationToken cancellationToken) => inner.ReadAsync(branchId, cancellationToken);

        public Task<bool> IsAppliedAsync(string branchId, Guid runId, CancellationToken cancellationToken) => inner.IsAppliedAsync(branchId, runId, cancellationToken);

        public Task<bool> TryCommitAsync(string branchId, BranchSnapshot snapshot, BranchUpdate update, Guid? runId, CancellationToken cancellationToken)
        {
            Operations.Add(1 + update.Sets.Count + update.Changes.Count + update.Days.Count + (runId is null ? 0 : 1));
            return inner.TryCommitAsync(branchId, snapshot, update, runId, cancellationToken);
        }
    }

    private static string Long(string start, int length) => (start + new string('x', length))[..length];

    /// <summary>Every rule firing at once on every set, with the longest names the contract allows.</summary>
    private static Manifest Hostile(DateTime at, bool altered)
    {
        var corrupt = new ArchiveReport { Verdict = ArchiveVerdict.Corrupt, Format = "zip", Reason = Long("CRC-32 mismatch ", 2_000) };
        BackupSetReport Set(string id, int files, int pathLength) => Contexts.Set([.. Enumerable.Range(0, files).Select(i =>
            File(Long($"{i:00000}/Vendas_", pathLength), 10, Night.AddMinutes(-i), Sha((altered ? "altered " : "") + i)) with
            {
                Archive = corrupt,
                Error = i % 10 == 9 ? new ProblemReport { Code = ProblemCode.Locked, Detail = Long("locked by ", 2_000) } : null,
                Sha256 = i % 10 == 9 ? null : Sha((altered ? "altered " : "") + i),
            })]) with
        {
            Id = id,
            RootPath = Long(@"C:\backup_sql\", 4_000),
            VolumeFreeBytes = 1,
            Skipped = [.. Enumerable.Range(0, 200).Select(i => new SkippedEntry { Path = Long($"{i}/", 4_000), Reason = new ProblemReport { Code = ProblemCode.AccessDenied, Detail = Long("denied ", 2_000) } })],
        };

        // A set judged good on every run, each run with a new backup under a path as long as allowed: its history fills up.
        var docs = Contexts.Set(File(Long($"{at:yyyyMMddHHmmss}/Docs_", 4_000), 1_000, at.AddMinutes(-1))) with { Id = "docs", RootPath = Long(@"D:\docs\", 4_000) };

        return Manifest(at, Set("sql", 10_000, 1_000), Set("fotos", 100, 4_000), docs) with
        {
            HostName = Long("LOJA-", 255),
            Os = Long("Windows ", 255),
            ProbeVersion = Long("9.", 64),
        };
    }

    [Fact]
    public async Task Worst_case_manifests_write_only_entities_within_table_storage_limits()
    {
        BackupSetPolicy P(string id) => Policy() with { Id = id, MinSizeBytes = 1_000_000, Generations = 20_000, MinFreeBytes = 1_000_000_000 };
        var branch = new BranchPolicy { Id = "F001", Name = Long("Loja ", 200), Template = "loja", Sets = [P("sql"), P("fotos"), Policy() with { Id = "docs", Schedule = [Cronos.CronExpression.Parse("0 * * * *")], ScheduleText = ["0 * * * *"] }] };
        var state = await Fresh.TableAsync(azurite);
        var dueTable = await Fresh.TableAsync(azurite);
        var outboxTable = await Fresh.TableAsync(azurite);
        var store = new Recording(new TableBranchStateStore(state, _time));
        var limits = new IngestLimits();
        var ingest = new IngestService(new FixedDirectory(branch), new BlobManifestArchive(await Fresh.ContainerAsync(azurite)), store, new BlobBaselineStore(await Fresh.ContainerAsync(azurite)),
            new TableDueIndex(dueTable), new TableOutbox(outboxTable, state, _time), new CountingSignal(), new BranchJudgement(Judge.Default), _time, limits, new LargeManifestGate(limits), new BranchQueue());

        var outcomes = new List<IngestOutcome>();
        for (var run = 0; run < 35; run++)
        {
            // 35 runs fill every history to its cap; the later ones alter every file.
            _time.Advance(TimeSpan.FromHours(1));
            outcomes.Add(await ingest.IngestAsync(Manifests.Request(Hostile(_time.GetUtcNow().UtcDateTime.AddSeconds(-5), altered: run >= 33)), default));
        }

        Assert.All(outcomes, o => Assert.Equal(202, o.StatusCode));
        Assert.All(store.Operations, n => Assert.InRange(n, 1, MaxBatch));
        var written = 0;
        foreach (var table in new[] { state, dueTable, outboxTable })
        {
            await foreach (var entity in table.QueryAsync<TableEntity>())
            {
                written++;
                foreach (var (name, value) in entity)
                {
                    Assert.True(PropertyBytes(value) <= MaxPropertyBytes, $"{entity.RowKey}.{name}: {PropertyBytes(value)} bytes");
                }

                Assert.True(EntityBytes(entity) <= MaxEntityBytes, $"{entity.RowKey}: {EntityBytes(entity)} bytes");
            }
        }

        Assert.True(written > 40, $"only {written} entities were written");
        var sql = (await new TableBranchStateStore(state, _time).ReadAsync("F001", default)).Sets["sql"];
        Assert.Equal(SetStatus.Failed, sql.Status);
        Assert.Contains(sql.Reasons, r => r.RuleId == "backup-altered" && r.Pt.StartsWith("9000 backups", StringComparison.Ordinal));
        var docs = (await new TableBranchStateStore(state, _time).ReadAsync("F001", default)).Sets["docs"];
        Assert.Equal(BranchJudgement.HistoryLength, docs.RecentBackups.Count);
    }

    private static int PropertyBytes(object? value) => value switch
    {
        string s => 4 + (s.Length * 2),
        byte[] b => 4 + b.Length,
        bool => 1,
        int => 4,
        Guid => 16,
        _ => 8,
    };

    private static int EntityBytes(TableEntity entity) =>
        4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2)
        + entity.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).Sum(p => 8 + (p.Key.Length * 2) + PropertyBytes(p.Value));
}
