using System.IO.Compression;
using System.Text.Json;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>
/// What the bombs scenario sends, built before the host starts: a registry of one template and the branches
/// B001…B008 (the bombs claim B001), the warm-up manifest, the honest load (each branch's real nightly manifest
/// of 10,000 files, one per round) and the bomb loads.
/// </summary>
public static class BombLoads
{
    public const string WarmupBranch = "W001";
    public const string BombBranch = "B001";

    private const string SetId = "sql";
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    /// <summary>The branches of the honest load, one per concurrent request.</summary>
    public static IReadOnlyList<string> Branches { get; } = Enumerable.Range(1, BombScenario.Concurrent).Select(i => $"B{i:000}").ToList();

    /// <summary>One template whose set is what the honest manifests list (as the in-process judging fixture), and its branches.</summary>
    public static string Registry()
    {
        var branches = Branches.Append(WarmupBranch).Select(id => $$"""{"id":"{{id}}","name":"Bench {{id}}","template":"bench-sql"}""");
        return $$"""
            {
              "templates": {
                "bench-sql": {
                  "description": "Bench: SQL Server, full dump at 22:00 and transaction logs by day",
                  "timeZone": "America/Sao_Paulo",
                  "sets": [
                    { "id": "{{SetId}}", "root": "C:\\backup_sql", "include": ["*.zip", "*.trn"], "schedule": ["0 22 * * *"], "grace": "2h",
                      "minSize": "50MB", "maxShrinkPercent": 30, "generations": 30, "minFreeSpace": "20GB", "archivesMustPass": true }
                  ]
                }
              },
              "branches": [{{string.Join(",", branches)}}]
            }
            """;
    }

    /// <summary>A real manifest for the warm-up branch, so the host has compiled the ingest path before idle is read.</summary>
    public static ProbeUpload Warmup(DateTime nowUtc) => Honest(WarmupBranch, LastNight(nowUtc).AddDays(-1), 0);

    public static IReadOnlyList<BombLoad> Build(int rounds, DateTime nowUtc)
    {
        var lastNight = LastNight(nowUtc);
        var requests = rounds * BombScenario.Concurrent;
        var honest = Enumerable.Range(0, rounds)
            .SelectMany(r => Branches.Select((id, i) => Honest(id, lastNight.AddDays(r - (rounds - 1)), i)))
            .ToList();

        // Bombs that never get as far as a branch are the same every time; the valid manifest is a new run each time.
        // A minute after the honest load's last runs, on the same morning; still minutes in the past.
        var runUtc = Utc(lastNight.AddDays(1), new TimeOnly(2, 1));
        var whitespace = BombBodies.Whitespace();
        var huge = BombBodies.HugeString(BombBranch, Guid.CreateVersion7(new DateTimeOffset(runUtc)));
        var beyond = BombBodies.FilesBeyondCap(Header(BombBranch, runUtc, 0, 0));
        var nesting = BombBodies.DeepNesting(BombBranch, Guid.CreateVersion7(new DateTimeOffset(runUtc)));
        var under = Enumerable.Range(0, requests).AsParallel().AsOrdered()
            .Select(k =>
            {
                var finished = runUtc.AddSeconds(2 * k);
                var (gzip, inflated, files) = BombBodies.FilesUnderCap((count, bytes) => Header(BombBranch, finished, count, bytes));
                return (Upload: Bomb(BombBranch, finished, gzip, inflated), Files: files);
            })
            .ToList();

        return
        [
            new BombLoad
            {
                Id = "honest",
                Title = $"real manifests, {Units.Count(JudgingFixture.Files)} files each (B001…B008, one night per round): what normal costs",
                Requests = honest,
                Expected = new HashSet<int> { 202 },
                Honest = true,
                FilesPerBody = JudgingFixture.Files,
            },
            Same("whitespace", "(a) '{' then 250 MiB of spaces", whitespace, runUtc, requests, [413, 503]),
            Same("huge-string", "(b) a manifest whose hostName is one 250 MiB string", huge, runUtc, requests, [413]),
            new BombLoad
            {
                Id = "files-under-cap",
                Title = $"(c) a valid manifest of {Units.Count(under[0].Files)} distinct small files, 1 MiB under the {BombBodies.DecompressedCap / (1024 * 1024)} MiB cap (a new run each time)",
                Requests = under.Select(u => u.Upload).ToList(),
                Expected = new HashSet<int> { 202, 503 },
                FilesPerBody = under[0].Files,
            },
            Same("files-beyond-cap", "(c) one set's file list: the same small file object repeated to 250 MiB", beyond, runUtc, requests, [413, 503]),
            Same("deep-nesting", "(d) a manifest whose sets are arrays in arrays, 250 MiB deep", nesting, runUtc, requests, [400]),
        ];
    }

    private static BombLoad Same(string id, string title, (byte[] Gzip, long Inflated) body, DateTime runUtc, int requests, int[] expected)
    {
        var upload = Bomb(BombBranch, runUtc, body.Gzip, body.Inflated);
        return new BombLoad { Id = id, Title = title, Requests = Enumerable.Repeat(upload, requests).ToList(), Expected = expected.ToHashSet() };
    }

    private static ProbeUpload Bomb(string branchId, DateTime finishedUtc, byte[] gzip, long inflated) => new()
    {
        BranchId = branchId,
        RunId = Guid.CreateVersion7(new DateTimeOffset(finishedUtc)),
        FinishedUtc = finishedUtc,
        LocalDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(finishedUtc, Zone)),
        Body = gzip,
        JsonBytes = checked((int)inflated),
        Newest = new Dictionary<string, FileReport>(),
    };

    /// <summary>A branch's run at 02:00 local the morning after <paramref name="night"/>, listing the newest 10,000 files, as the probe sends it.</summary>
    private static ProbeUpload Honest(string branchId, DateOnly night, int seed)
    {
        var finished = Utc(night.AddDays(1), new TimeOnly(2, 0)).AddSeconds(seed);
        var files = new BackupTimeline(Zone).Listing(finished, JudgingFixture.Files);
        var header = Header(branchId, finished, files.Count, files.Sum(f => f.Size));
        var manifest = header with { Sets = [header.Sets[0] with { Files = files }] };
        var json = JsonSerializer.SerializeToUtf8Bytes(manifest, ContractsJson.Context.Manifest);
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(json);
        }

        return new ProbeUpload
        {
            BranchId = branchId,
            RunId = manifest.RunId,
            FinishedUtc = finished,
            LocalDay = night.AddDays(1),
            Body = output.ToArray(),
            JsonBytes = json.Length,
            Newest = new Dictionary<string, FileReport> { [SetId] = files.MaxBy(f => f.LastWriteUtc)! },
        };
    }

    /// <summary>A manifest of the set with no files listed yet (the bombs write their file lists themselves).</summary>
    private static Manifest Header(string branchId, DateTime finishedUtc, int fileCount, long totalBytes) => new()
    {
        SchemaVersion = Manifest.CurrentSchemaVersion,
        RunId = Guid.CreateVersion7(new DateTimeOffset(finishedUtc)),
        BranchId = branchId,
        ProbeVersion = "0.1.0",
        HostName = $"{branchId}-SRV",
        Os = "Microsoft Windows Server 2019 Standard 10.0.17763",
        StartedUtc = finishedUtc.AddMinutes(-4),
        FinishedUtc = finishedUtc,
        Cache = new CacheReport { Status = CacheStatus.Loaded },
        Sets =
        [
            new BackupSetReport
            {
                Id = SetId,
                RootPath = @"C:\backup_sql",
                Exists = true,
                Readable = true,
                FileCount = fileCount,
                TotalBytes = totalBytes,
                VolumeFreeBytes = 400_000_000_000,
                VolumeTotalBytes = 2_000_000_000_000,
                Files = [],
            },
        ],
    };

    /// <summary>The latest night whose 02:00 run is already past (with five minutes to spare), in the branches' zone.</summary>
    private static DateOnly LastNight(DateTime nowUtc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, Zone).AddHours(-2).AddMinutes(-5)).AddDays(-1);

    private static DateTime Utc(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), Zone);
}
