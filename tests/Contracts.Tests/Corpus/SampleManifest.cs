using System.Text.Json;
using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.Contracts.Tests.Corpus;

/// <summary>
/// A valid manifest that exercises every part of the contract (two sets, one unreadable; a corrupt archive; a
/// locked file; a skipped link; manifests the spool dropped; an update rolled back): the base every invalid manifest of <see cref="InvalidManifests"/> is made from.
/// </summary>
public static class SampleManifest
{
    public static Manifest Create() => new()
    {
        SchemaVersion = Manifest.CurrentSchemaVersion,
        RunId = Guid.Parse("01939a5e-7c1b-7000-8000-000000000001"),
        BranchId = "F042",
        ProbeVersion = "0.1.0",
        HostName = "LOJA42-SRV",
        Os = "Microsoft Windows 10.0.17763",
        StartedUtc = new DateTime(2026, 11, 30, 22, 30, 0, DateTimeKind.Utc),
        FinishedUtc = new DateTime(2026, 11, 30, 22, 31, 5, DateTimeKind.Utc),
        Cache = new CacheReport { Status = CacheStatus.Loaded },
        Sets =
        [
            new BackupSetReport
            {
                Id = "sql",
                RootPath = @"C:\backup_sql",
                Exists = true,
                Readable = true,
                FileCount = 2,
                TotalBytes = 3000,
                VolumeFreeBytes = 10,
                VolumeTotalBytes = 100,
                Files =
                [
                    new FileReport
                    {
                        Path = "Vendas/Vendas_20261130.zip",
                        Size = 1000,
                        LastWriteUtc = new DateTime(2026, 11, 30, 22, 10, 0, DateTimeKind.Utc),
                        Sha256 = new string('a', 64),
                        HashedThisRun = true,
                        VerifiedUtc = new DateTime(2026, 11, 30, 22, 31, 0, DateTimeKind.Utc),
                        Archive = new ArchiveReport { Verdict = ArchiveVerdict.Corrupt, Format = "zip", Reason = "CRC" },
                    },
                    new FileReport
                    {
                        Path = "Vendas/ação.bak",
                        Size = 2000,
                        LastWriteUtc = new DateTime(2026, 11, 30, 22, 0, 0, DateTimeKind.Utc),
                        HashedThisRun = false,
                        Archive = ArchiveReport.NotTested,
                        Error = new ProblemReport { Code = ProblemCode.Locked, Detail = "in use" },
                    },
                ],
                Skipped = [new SkippedEntry { Path = "loop", Reason = new ProblemReport { Code = ProblemCode.LinkCycle, Detail = "back to the root" } }],
            },
            new BackupSetReport
            {
                Id = "fotos",
                RootPath = @"D:\fotos",
                Exists = false,
                Readable = false,
                Error = new ProblemReport { Code = ProblemCode.NotFound },
                FileCount = 0,
                TotalBytes = 0,
                Files = [],
            },
        ],
        SpoolDropped = new SpoolDropReport
        {
            Count = 2,
            FirstFinishedUtc = new DateTime(2026, 11, 28, 22, 31, 0, DateTimeKind.Utc),
            LastFinishedUtc = new DateTime(2026, 11, 29, 22, 31, 0, DateTimeKind.Utc),
        },
        Update = new UpdateReport
        {
            Outcome = UpdateOutcome.RolledBack,
            Version = "0.2.0",
            PreviousVersion = "0.1.0",
            AtUtc = new DateTime(2026, 11, 30, 22, 29, 0, DateTimeKind.Utc),
            Detail = "0.2.0 exited with code 1 on two scheduled runs",
        },
    };

    public static string Json() => JsonSerializer.Serialize(Create(), ContractsJson.Context.Manifest);
}
