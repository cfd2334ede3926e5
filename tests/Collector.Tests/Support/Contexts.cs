using Cronos;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.Rules;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Tests.Support;

/// <summary>Builds policies, manifests and rule contexts for the rule tests, with sensible defaults to override.</summary>
public static class Contexts
{
    public static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    public static BackupSetPolicy Policy(string[]? schedule = null, string zone = "America/Sao_Paulo", BusinessCalendar? calendar = null, TimeSpan? grace = null) => new()
    {
        Id = "sql",
        Root = @"C:\backup_sql",
        Schedule = (schedule ?? ["0 22 * * *"]).Select(s => CronExpression.Parse(s)).ToList(),
        ScheduleText = schedule ?? ["0 22 * * *"],
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(zone),
        Grace = grace ?? TimeSpan.FromHours(2),
        Calendar = calendar ?? BusinessCalendar.AlwaysOpen,
    };

    public static FileReport File(string path, long size, DateTime lastWriteUtc, string? sha = null) => new()
    {
        Path = path,
        Size = size,
        LastWriteUtc = lastWriteUtc,
        Sha256 = sha ?? Sha(path + lastWriteUtc.Ticks),
        HashedThisRun = true,
        Archive = ArchiveReport.NotAnArchive,
    };

    public static string Sha(string seed) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)));

    public static BackupSetReport Set(params FileReport[] files) => new()
    {
        Id = "sql",
        RootPath = @"C:\backup_sql",
        Exists = true,
        Readable = true,
        FileCount = files.Length,
        TotalBytes = files.Sum(f => f.Size),
        VolumeFreeBytes = 500_000_000_000,
        VolumeTotalBytes = 1_000_000_000_000,
        Files = files,
    };

    public static Manifest Manifest(DateTime finishedUtc, params BackupSetReport[] sets) => new()
    {
        SchemaVersion = 1,
        RunId = Guid.CreateVersion7(),
        BranchId = "F001",
        ProbeVersion = "0.1.0",
        HostName = "LOJA-SRV",
        Os = "Windows",
        StartedUtc = finishedUtc.AddMinutes(-1),
        FinishedUtc = finishedUtc,
        Cache = new CacheReport { Status = CacheStatus.Loaded },
        Sets = sets,
    };

    public static RuleContext Context(BackupSetPolicy policy, BackupSetReport? set, DateTime atUtc, SetHistory? history = null, DateTime? receivedUtc = null) => new()
    {
        Policy = policy,
        Manifest = Manifest(atUtc, set is null ? [] : [set]),
        Set = set,
        History = history ?? SetHistory.Empty,
        ReceivedUtc = receivedUtc ?? atUtc.AddSeconds(5),
    };

    /// <summary>A UTC moment given as São Paulo local time (UTC-3, no daylight saving since 2019).</summary>
    public static DateTime Local(int year, int month, int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), SaoPaulo);
}
