using System.IO.Compression;
using System.Text.Json;
using Cronos;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.Rules;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>
/// One branch with one large set, judged the way the collector judges it: this night's manifest, the previous
/// night's manifest (where the known files come from), and the set's stored state with 30 remembered backups.
/// </summary>
public sealed class JudgingFixture
{
    public const int Files = 10_000;
    public const string SetId = "sql";

    private JudgingFixture(BranchPolicy branch, BranchSnapshot snapshot, Manifest manifest, Manifest previous, byte[] json, byte[] gzip)
    {
        Branch = branch;
        Snapshot = snapshot;
        Manifest = manifest;
        Previous = previous;
        Json = json;
        Gzip = gzip;
        PreviousGzip = Compress(JsonSerializer.SerializeToUtf8Bytes(previous, ContractsJson.Context.Manifest));
        BlobName = IManifestArchive.NameOf(manifest);
        ReceivedUtc = manifest.FinishedUtc.AddSeconds(3);
        SentUtc = manifest.FinishedUtc.AddSeconds(2);
        Baseline = FileBaseline.Empty.With(SetId, previous.Sets[0].Files.ToDictionary(f => f.Path, f => new KnownFile(f.Path, f.Sha256!, f.Size, f.LastWriteUtc), StringComparer.Ordinal));
        History = new SetHistory { RecentBackups = snapshot.Sets[SetId].RecentBackups };
    }

    public BranchPolicy Branch { get; }
    public BranchSnapshot Snapshot { get; }
    public Manifest Manifest { get; }
    public Manifest Previous { get; }

    /// <summary>What the previous manifest's files were when written: the baseline the judgement compares with.</summary>
    public FileBaseline Baseline { get; }

    /// <summary>The manifest as the probe sends it: JSON, and that JSON gzip-compressed.</summary>
    public byte[] Json { get; }
    public byte[] Gzip { get; }

    /// <summary>The previous manifest as the archive keeps it (gzip), which ingest downloads and reads for every manifest.</summary>
    public byte[] PreviousGzip { get; }

    public string BlobName { get; }
    public DateTime ReceivedUtc { get; }
    public DateTime SentUtc { get; }

    /// <summary>The history <see cref="BranchJudgement"/> hands the rules (its known files built from <see cref="Previous"/>).</summary>
    public SetHistory History { get; }

    public BackupSetPolicy Policy => Branch.Sets[0];

    /// <summary>A fresh context each time: a context caches its sorted backups, and the sort is part of the cost.</summary>
    public RuleContext NewContext() => new()
    {
        Policy = Policy,
        Manifest = Manifest,
        Set = Manifest.Sets[0],
        History = History,
        ReceivedUtc = ReceivedUtc,
        ClockSkew = SentUtc - ReceivedUtc,
    };

    public static JudgingFixture Create()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        var policy = new BackupSetPolicy
        {
            Id = SetId,
            Root = @"C:\backup_sql",
            Include = ["*.zip", "*.trn"],
            Schedule = [CronExpression.Parse("0 22 * * *")],
            ScheduleText = ["0 22 * * *"],
            TimeZone = zone,
            Grace = TimeSpan.FromHours(2),
            MinSizeBytes = 50_000_000,
            MaxShrinkPercent = 30,
            Generations = 30,
            MinFreeBytes = 20_000_000_000,
            ArchivesMustPass = true,
            Calendar = new BusinessCalendar { ClosedDates = new HashSet<DateOnly> { new(2026, 12, 25), new(2027, 1, 1) } },
        };
        var branch = new BranchPolicy { Id = "F042", Name = "Loja Bench", Template = "loja-sql", Sets = [policy] };

        // Tonight's run at 02:00 local, after the 22:00 dump; the previous one a day earlier.
        var finished = TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 11, 30, 2, 0, 0, DateTimeKind.Unspecified), zone);
        var timeline = new BackupTimeline(zone);
        var manifest = Run(finished, timeline.Listing(finished, Files));
        var previous = Run(finished.AddDays(-1), timeline.Listing(finished.AddDays(-1), Files));
        var json = JsonSerializer.SerializeToUtf8Bytes(manifest, ContractsJson.Context.Manifest);
        return new JudgingFixture(branch, StoredState(policy, previous, timeline), manifest, previous, json, Compress(json));
    }

    private static Manifest Run(DateTime finishedUtc, IReadOnlyList<FileReport> files) => new()
    {
        SchemaVersion = Manifest.CurrentSchemaVersion,
        RunId = Guid.CreateVersion7(new DateTimeOffset(finishedUtc)),
        BranchId = "F042",
        ProbeVersion = "0.1.0",
        HostName = "LOJA042-SRV",
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
                FileCount = files.Count,
                TotalBytes = files.Sum(f => f.Size),
                VolumeFreeBytes = 400_000_000_000,
                VolumeTotalBytes = 2_000_000_000_000,
                Files = files,
            },
        ],
    };

    /// <summary>The state the previous run left: OK for weeks, its newest dump, the 30 dumps before it, 40 days of grid.</summary>
    private static BranchSnapshot StoredState(BackupSetPolicy policy, Manifest previous, BackupTimeline timeline)
    {
        var lastNight = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(previous.FinishedUtc, policy.TimeZone)).AddDays(-1);
        var recent = Enumerable.Range(0, BranchJudgement.HistoryLength)
            .Select(i => timeline.FullDump(lastNight.AddDays(-i), previous.FinishedUtc))
            .Select(f => new BackupObservation(f.Path, f.Size, f.LastWriteUtc, f.Sha256!))
            .ToList();
        var state = new SetState
        {
            SetId = SetId,
            Status = SetStatus.Ok,
            SinceUtc = previous.FinishedUtc.AddDays(-60),
            Newest = recent[0],
            LastRunUtc = previous.FinishedUtc,
            LastRunId = previous.RunId,
            RecentBackups = recent,
            NextCheckDueUtc = previous.FinishedUtc.AddHours(22),
        };
        var days = Enumerable.Range(0, 40)
            .Select(i => new DayVerdict(SetId, lastNight.AddDays(1 - i), SetStatus.Ok, previous.FinishedUtc.AddDays(-i)))
            .ToDictionary(d => (d.SetId, d.Day));
        return new BranchSnapshot
        {
            Contact = new BranchContact
            {
                LastContactUtc = previous.FinishedUtc.AddSeconds(3),
                ProbeVersion = previous.ProbeVersion,
                HostName = previous.HostName,
                LastRunUtc = previous.FinishedUtc,
                LastManifestBlob = IManifestArchive.NameOf(previous),
            },
            Sets = new Dictionary<string, SetState> { [SetId] = state },
            Days = days,
            Version = "W/\"datetime'2026-11-29T05%3A00%3A03Z'\"",
        };
    }

    private static byte[] Compress(byte[] json)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(json);
        }

        return output.ToArray();
    }
}
