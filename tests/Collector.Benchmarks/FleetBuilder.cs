using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>
/// The manifests of a fleet of "loja-sql" branches: each night at 02:00 local, two sets (sql-vendas dumps at
/// 22:00, sql-estoque zips at 22:30) of 50 daily files each, the oldest dropping out as a new one arrives.
/// Bodies are built before anything is timed, so the figures are the collector's, not the generator's.
/// </summary>
public static class FleetBuilder
{
    public const string Template = "loja-sql";
    public const int FilesPerSet = 50;

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    public static IReadOnlyList<ProbePlan> Build(int probes, int manifestsPerProbe, DateTime nowUtc) =>
        Enumerable.Range(1, probes)
            .Select(i => Plan($"B{i:000}", $"Bench {i}", i, manifestsPerProbe, nowUtc))
            .ToList();

    /// <summary>One probe's <paramref name="count"/> nightly runs, the last one on the latest night already past.</summary>
    public static ProbePlan Plan(string branchId, string name, int seed, int count, DateTime nowUtc)
    {
        var localNow = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, Zone);
        var lastDay = DateOnly.FromDateTime(localNow.AddHours(-2).AddMinutes(-5));
        var uploads = Enumerable.Range(0, count)
            .Select(k => Upload(branchId, seed, lastDay.AddDays(k - (count - 1))))
            .ToList();
        return new ProbePlan(branchId, name, uploads);
    }

    private static ProbeUpload Upload(string branchId, int seed, DateOnly runDay)
    {
        var finished = Utc(runDay, new TimeOnly(2, 0)).AddSeconds(seed % 60);
        var sets = new[]
        {
            Set(branchId, seed, "sql-vendas", @"C:\backup_sql\Vendas", "Vendas_{0:yyyyMMdd}.bak", new TimeOnly(22, 0), 280_000_000, 320_000_000, runDay, finished),
            Set(branchId, seed, "sql-estoque", @"C:\backup_sql\Estoque", "Estoque_{0:yyyyMMdd}.zip", new TimeOnly(22, 30), 45_000_000, 55_000_000, runDay, finished),
        };
        var manifest = new Manifest
        {
            SchemaVersion = Manifest.CurrentSchemaVersion,
            RunId = Guid.CreateVersion7(new DateTimeOffset(finished)),
            BranchId = branchId,
            ProbeVersion = "0.1.0",
            HostName = $"{branchId}-SRV",
            Os = "Microsoft Windows Server 2019 Standard 10.0.17763",
            StartedUtc = finished.AddSeconds(-40),
            FinishedUtc = finished,
            Cache = new CacheReport { Status = CacheStatus.Loaded },
            Sets = sets,
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(manifest, ContractsJson.Context.Manifest);
        return new ProbeUpload
        {
            BranchId = branchId,
            RunId = manifest.RunId,
            FinishedUtc = finished,
            LocalDay = runDay,
            Body = Gzip(json),
            JsonBytes = json.Length,
            Newest = sets.ToDictionary(s => s.Id, s => s.Files.MaxBy(f => f.LastWriteUtc)!),
        };
    }

    /// <summary>The 50 nightly files a set holds on the morning of <paramref name="runDay"/>: one per night before it.</summary>
    private static BackupSetReport Set(string branchId, int seed, string id, string root, string pattern, TimeOnly at, long minSize, long maxSize, DateOnly runDay, DateTime runUtc)
    {
        var files = Enumerable.Range(1, FilesPerSet).Select(back =>
        {
            var night = runDay.AddDays(-back);

            // One seed per branch, set and night: the same file looks the same in every manifest that lists it.
            var random = new Random((seed * 7919) + (id.Length * 104_729) + night.DayNumber);
            var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, night.ToDateTime(TimeOnly.MinValue));
            var written = Utc(night, at).AddSeconds(random.Next(120, 1200));
            var archive = path.EndsWith(".zip", StringComparison.Ordinal)
                ? new ArchiveReport { Verdict = ArchiveVerdict.Ok, Format = "zip", Entries = 1 }
                : ArchiveReport.NotAnArchive;
            return new FileReport
            {
                Path = path,
                Size = random.NextInt64(minSize, maxSize),
                LastWriteUtc = written,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{branchId}|{path}|{written.Ticks}"))),
                HashedThisRun = back == 1,
                VerifiedUtc = back == 1 ? runUtc : runUtc.AddDays(-random.Next(1, 30)),
                Archive = archive,
            };
        }).ToList();
        return new BackupSetReport
        {
            Id = id,
            RootPath = root,
            Exists = true,
            Readable = true,
            FileCount = files.Count,
            TotalBytes = files.Sum(f => f.Size),
            VolumeFreeBytes = 400_000_000_000,
            VolumeTotalBytes = 2_000_000_000_000,
            Files = files,
        };
    }

    private static DateTime Utc(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), Zone);

    private static byte[] Gzip(byte[] json)
    {
        // As the probe compresses (Delivery/ManifestPackage.cs).
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(json);
        }

        return output.ToArray();
    }
}
