using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>
/// A busy SQL Server backup folder as a probe lists it: every local day a zipped full dump at 22:00 and 110
/// transaction-log backups during opening hours, kept for about 90 days. Each day's files come from a seed
/// of their own, so a file is the same (size, time, hash) in every manifest that lists it.
/// </summary>
public sealed class BackupTimeline(TimeZoneInfo zone)
{
    public const int LogsPerDay = 110;

    /// <summary>The newest <paramref name="count"/> files written at or before <paramref name="runUtc"/>, in folder order (by path), as a run at that moment lists them.</summary>
    public IReadOnlyList<FileReport> Listing(DateTime runUtc, int count)
    {
        var files = new List<FileReport>(count + LogsPerDay + 1);
        for (var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(runUtc, zone)); files.Count < count; day = day.AddDays(-1))
        {
            files.AddRange(Day(day, runUtc).Where(f => f.LastWriteUtc <= runUtc));
        }

        return files
            .OrderByDescending(f => f.LastWriteUtc)
            .Take(count)
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The full dump of a local day (the file the schedule "0 22 * * *" is about).</summary>
    public FileReport FullDump(DateOnly day, DateTime runUtc) => Day(day, runUtc).First();

    /// <summary>One local day's files, the full dump first; attributes that depend on the run (verification) are taken from <paramref name="runUtc"/>.</summary>
    private List<FileReport> Day(DateOnly day, DateTime runUtc)
    {
        var random = new Random(day.DayNumber);
        var files = new List<FileReport>(LogsPerDay + 1);
        var dumpStart = Utc(day, new TimeOnly(22, 0));
        files.Add(File(
            $"FULL/{day:yyyy}/{day:MM}/Vendas_FULL_{day:yyyyMMdd}_2200.zip",
            random.NextInt64(280_000_000, 320_000_000),
            dumpStart.AddSeconds(random.Next(240, 900)),
            new ArchiveReport { Verdict = ArchiveVerdict.Ok, Format = "zip", Entries = 1 },
            runUtc,
            random));

        for (var i = 0; i < LogsPerDay; i++)
        {
            var slot = Utc(day, new TimeOnly(8, 0)).AddSeconds(i * 390);
            var local = TimeZoneInfo.ConvertTimeFromUtc(slot, zone);
            files.Add(File(
                $"LOG/{day:yyyy}/{day:MM}/{day:dd}/Vendas_LOG_{local.ToString("yyyyMMdd_HHmmss", CultureInfo.InvariantCulture)}.trn",
                random.NextInt64(300_000, 40_000_000),
                slot.AddSeconds(random.Next(2, 30)),
                ArchiveReport.NotAnArchive,
                runUtc,
                random));
        }

        return files;
    }

    private static FileReport File(string path, long size, DateTime lastWriteUtc, ArchiveReport archive, DateTime runUtc, Random random)
    {
        // The probe reads a file the run after it is written, then re-verifies every file within about 30 days.
        // The draw is made whether used or not, so the day's later files do not depend on the run.
        var verifiedAgo = TimeSpan.FromMinutes(random.Next(24 * 60, 30 * 24 * 60));
        var fresh = runUtc - lastWriteUtc < TimeSpan.FromDays(1);
        return new FileReport
        {
            Path = path,
            Size = size,
            LastWriteUtc = lastWriteUtc,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{path}|{lastWriteUtc.Ticks}"))),
            HashedThisRun = fresh,
            VerifiedUtc = fresh ? runUtc : runUtc - verifiedAgo,
            Archive = archive,
        };
    }

    private DateTime Utc(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), zone);
}
