using System.Buffers.Binary;
using System.Globalization;
using CsCheck;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Tests.Properties;

/// <summary>
/// Generators of manifests an honest probe with a right clock could send, received at a given moment: the raw
/// material every shape starts from. Everything comes from the generator's seed (no Guid.NewGuid, no clock), so a
/// failing seed replays the same manifests.
/// </summary>
public static class ManifestGen
{
    /// <summary>The collector's clock when the case's manifest arrives: 23:00 in São Paulo, after the 22:00 dump.</summary>
    public static readonly DateTime Now = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);

    public static readonly Gen<string> Sha = Gen.ULong.Array[4].Select(a => string.Concat(a.Select(x => x.ToString("x16", CultureInfo.InvariantCulture))));

    /// <summary>A UUIDv7-shaped run id from the seed.</summary>
    public static readonly Gen<Guid> RunId = Gen.Select(Gen.ULong, Gen.ULong, (a, b) =>
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, a);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], b);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    });

    /// <summary>File names as branch staff make them: accents, spaces, digits.</summary>
    public static readonly Gen<string> Name = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzçãéõ _-0123456789"], 1, 24];

    private static readonly Gen<ArchiveReport> Archive = Gen.Frequency(
        (6, Gen.Const(ArchiveReport.NotAnArchive)),
        (2, Gen.Int[0, 5_000].Select(n => new ArchiveReport { Verdict = ArchiveVerdict.Ok, Format = "zip", Entries = n })),
        (1, Gen.Const(new ArchiveReport { Verdict = ArchiveVerdict.Corrupt, Format = "7z", Reason = "entry 'a.bak': CRC-32 mismatch" })),
        (1, Gen.Const(ArchiveReport.NotTested)));

    /// <summary>One file of a set, written within the three days before the run; now and then one the probe could not read.</summary>
    public static Gen<FileReport> File(DateTime finishedUtc) =>
        from name in Name
        from folder in Gen.OneOf("", "2026/", "sub pasta/ação/")
        from extension in Gen.OneOf(".bak", ".zip", ".7z", ".sql.gz", "")
        from size in Gen.Long[1_000, 50_000_000_000]
        from age in Gen.Int[60, 3 * 24 * 3600]
        from sha in Sha
        from hashed in Gen.Bool
        from archive in Archive
        from unreadable in Gen.Int[0, 9]
        select unreadable == 0
            ? new FileReport
            {
                Path = $"{folder}{name}{extension}",
                Size = size,
                LastWriteUtc = finishedUtc.AddSeconds(-age),
                HashedThisRun = false,
                Archive = ArchiveReport.NotTested,
                Error = new ProblemReport { Code = ProblemCode.Locked, Detail = "The process cannot access the file." },
            }
            : new FileReport
            {
                Path = $"{folder}{name}{extension}",
                Size = size,
                LastWriteUtc = finishedUtc.AddSeconds(-age),
                Sha256 = sha,
                HashedThisRun = hashed,
                VerifiedUtc = hashed ? finishedUtc.AddSeconds(-1) : finishedUtc.AddDays(-3),
                Archive = archive,
            };

    /// <summary>Files of one set, their paths made distinct by a numbered first folder.</summary>
    public static Gen<FileReport[]> Files(int count, DateTime finishedUtc) =>
        File(finishedUtc).Array[count].Select(files => files.Select((f, i) => f with { Path = $"{i:D5}-{f.Path}" }).ToArray());

    /// <summary>A set as the probe reports it: mostly a readable folder with a few files, sometimes empty, missing or unreadable.</summary>
    public static Gen<BackupSetReport> Set(string id, DateTime finishedUtc) =>
        from kind in Gen.Frequency((8, Gen.Const(0)), (1, Gen.Const(1)), (1, Gen.Const(2)), (1, Gen.Const(3)))
        from count in Gen.Int[1, 6]
        from files in Files(kind == 0 ? count : 0, finishedUtc)
        from skipped in Gen.Int[0, 2]
        from free in Gen.Long[0, 2_000_000_000_000]
        select kind switch
        {
            2 => Folder(id, files, exists: false, readable: false, new ProblemReport { Code = ProblemCode.NotFound }),
            3 => Folder(id, files, exists: true, readable: false, new ProblemReport { Code = ProblemCode.AccessDenied, Detail = "Acesso negado." }),
            _ => Folder(id, files, exists: true, readable: true, null) with
            {
                VolumeFreeBytes = free,
                VolumeTotalBytes = 2_000_000_000_000,
                Skipped = [.. Enumerable.Range(0, skipped).Select(i => new SkippedEntry { Path = $"loop{i}", Reason = new ProblemReport { Code = ProblemCode.LinkCycle } })],
            },
        };

    public static BackupSetReport Folder(string id, FileReport[] files, bool exists, bool readable, ProblemReport? error) => new()
    {
        Id = id,
        RootPath = id == "sql" ? @"C:\backup_sql" : @"D:\fotos",
        Exists = exists,
        Readable = readable,
        Error = error,
        FileCount = files.Length,
        TotalBytes = files.Sum(f => f.Size),
        Files = files,
    };

    /// <summary>A run of branch F001 that finished shortly before <paramref name="receivedUtc"/>, by a probe whose clock is right.</summary>
    public static Gen<Manifest> Honest(DateTime receivedUtc) =>
        from runId in RunId
        from secondsBefore in Gen.Int[1, 900]
        from took in Gen.Int[1, 3600]
        let finished = receivedUtc.AddSeconds(-secondsBefore)
        from sql in Set("sql", finished)
        from fotos in Set("fotos", finished)
        from reportFotos in Gen.Int[0, 4]
        from cache in Gen.OneOf(CacheStatus.Loaded, CacheStatus.Missing, CacheStatus.Rebuilt)
        select new Manifest
        {
            SchemaVersion = Manifest.CurrentSchemaVersion,
            RunId = runId,
            BranchId = "F001",
            ProbeVersion = "0.1.0",
            HostName = "LOJA-SRV",
            Os = "Microsoft Windows NT 10.0.19045.0",
            StartedUtc = finished.AddSeconds(-took),
            FinishedUtc = finished,
            Cache = new CacheReport { Status = cache, Detail = cache == CacheStatus.Rebuilt ? "checksum mismatch" : null },
            Sets = reportFotos == 0 ? [sql] : [sql, fotos],
        };

    /// <summary>Every time the manifest reports (run, files, verification) moved by <paramref name="by"/>: the same run on a clock that far off.</summary>
    public static Manifest Shifted(Manifest m, TimeSpan by) => m with
    {
        StartedUtc = m.StartedUtc + by,
        FinishedUtc = m.FinishedUtc + by,
        Sets = [.. m.Sets.Select(s => s with
        {
            Files = [.. s.Files.Select(f => f with { LastWriteUtc = f.LastWriteUtc + by, VerifiedUtc = f.VerifiedUtc + by })],
        })],
    };

    /// <summary>X-Bkp-Sent-Utc as the probe writes it.</summary>
    public static string Stamp(DateTime utc) => utc.ToString(ManifestUpload.SentUtcFormat, CultureInfo.InvariantCulture);
}
