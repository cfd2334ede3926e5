using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Tests;
using MonitoramentoBKP.Probe.Engine;

namespace MonitoramentoBKP.Probe.Tests.Engine;

public sealed class ManifestFitterTests
{
    private static readonly DateTime Night = new(2026, 11, 30, 22, 0, 0, DateTimeKind.Utc);

    private static FileReport File(string path, DateTime? lastWrite = null) => new()
    {
        Path = path,
        Size = 10,
        LastWriteUtc = lastWrite ?? Night,
        Sha256 = new string('a', 64),
        HashedThisRun = true,
        VerifiedUtc = Night,
        Archive = ArchiveReport.NotAnArchive,
    };

    private static Manifest Manifest(params FileReport[] files) => new()
    {
        SchemaVersion = Contracts.Manifest.CurrentSchemaVersion,
        RunId = Guid.CreateVersion7(),
        BranchId = "F001",
        ProbeVersion = "0.1.0",
        HostName = "LOJA01",
        Os = "Linux 6.1",
        StartedUtc = Night,
        FinishedUtc = Night.AddMinutes(1),
        Cache = new CacheReport { Status = CacheStatus.Loaded },
        Sets =
        [
            new BackupSetReport
            {
                Id = "sql",
                RootPath = "/srv/backup",
                Exists = true,
                Readable = true,
                FileCount = files.Length,
                TotalBytes = 10L * files.Length,
                Files = files,
            },
        ],
    };

    private static void AssertAccepted(Manifest manifest)
    {
        Assert.Empty(ManifestValidator.Validate(manifest));
        Assert.Empty(SchemaValidator.Errors(JsonSerializer.Serialize(manifest, ContractsJson.Context.Manifest)));
    }

    [Fact]
    public void A_path_longer_than_the_manifest_carries_is_reported_cut_with_a_problem_and_two_such_paths_stay_apart()
    {
        var common = "Vendas/" + new string('a', 40_000);
        var fitted = ManifestFitter.Fit(Manifest(File(common + "1.bak"), File(common + "2.bak"), File("Vendas/ok.bak")));

        var files = fitted.Sets[0].Files;
        AssertAccepted(fitted);
        Assert.All(files.Take(2), f =>
        {
            Assert.Equal(ManifestLimits.MaxRelativePathLength, f.Path.Length);
            Assert.StartsWith("Vendas/aaa", f.Path, StringComparison.Ordinal);
            Assert.Equal(ProblemCode.IoError, f.Error!.Code);
            Assert.Contains("40,012 characters long", f.Error.Detail, StringComparison.Ordinal);
            Assert.Null(f.Sha256);
        });
        Assert.NotEqual(files[0].Path, files[1].Path);
        Assert.Equal("Vendas/ok.bak", files[2].Path);
        Assert.Null(files[2].Error);
    }

    [Fact]
    public void A_file_untouched_by_the_limits_is_the_same_report_not_a_copy()
    {
        var manifest = Manifest(File("Vendas/ok.bak"));

        var fitted = ManifestFitter.Fit(manifest);

        Assert.Same(manifest.Sets[0].Files[0], fitted.Sets[0].Files[0]);
    }

    [Theory]
    [InlineData("Vendas\\dump.bak", "Vendas＼dump.bak")]
    [InlineData("x:dump.bak", "x：dump.bak")]
    public void A_Linux_name_the_manifest_would_read_as_a_Windows_path_is_reported_under_a_look_alike_with_a_problem(string path, string reported)
    {
        var fitted = ManifestFitter.Fit(Manifest(File(path)));

        var file = Assert.Single(fitted.Sets[0].Files);
        AssertAccepted(fitted);
        Assert.Equal(reported, file.Path);
        Assert.Contains("cannot carry", file.Error!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_last_write_outside_the_plausible_range_is_reported_with_a_problem_inside_it()
    {
        var locked = File("b.bak", new DateTime(2150, 1, 1, 0, 0, 0, DateTimeKind.Utc)) with { Sha256 = null, Error = new ProblemReport { Code = ProblemCode.Locked, Detail = "in use" } };
        var fitted = ManifestFitter.Fit(Manifest(File("a.bak", DateTime.UnixEpoch), locked, File("c.bak") with { VerifiedUtc = new DateTime(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc) }));

        var files = fitted.Sets[0].Files;
        AssertAccepted(fitted);
        Assert.Equal(ManifestLimits.EarliestUtc, files[0].LastWriteUtc);
        Assert.Equal(ProblemCode.IoError, files[0].Error!.Code);
        Assert.Contains("1970-01-01T00:00:00Z is outside 2000-2099", files[0].Error!.Detail, StringComparison.Ordinal);
        Assert.Equal(new string('a', 64), files[0].Sha256);
        Assert.Equal(ManifestLimits.EndUtc.AddTicks(-1), files[1].LastWriteUtc);
        Assert.Equal(ProblemCode.Locked, files[1].Error!.Code);
        Assert.StartsWith("in use; last write time 2150-01-01T00:00:00Z", files[1].Error!.Detail, StringComparison.Ordinal);
        Assert.Null(files[2].VerifiedUtc);
        Assert.Null(files[2].Error);
    }

    [Fact]
    public void System_and_archive_messages_are_cut_to_the_cap_and_lose_U0000_and_one_line_fields_lose_control_characters()
    {
        var longMessage = "Could not find a part of the path '/srv/" + new string('p', 40_000) + "'.";
        var corrupt = File("a.zip") with { Archive = new ArchiveReport { Verdict = ArchiveVerdict.Corrupt, Format = "zip", Reason = "entry 'x\0y' CRC mismatch" } };
        var unreadable = File("b.bak") with { Sha256 = null, Error = new ProblemReport { Code = ProblemCode.IoError, Detail = longMessage } };
        var manifest = Manifest(corrupt, unreadable) with
        {
            Os = "Linux\n" + new string('o', 300),
            Cache = new CacheReport { Status = CacheStatus.Rebuilt, Detail = "bad\0cache" },
        };

        var fitted = ManifestFitter.Fit(manifest);

        AssertAccepted(fitted);
        Assert.Equal("entry 'x\uFFFDy' CRC mismatch", fitted.Sets[0].Files[0].Archive.Reason);
        Assert.Equal(ManifestLimits.MaxDetailLength, fitted.Sets[0].Files[1].Error!.Detail!.Length);
        Assert.EndsWith("…", fitted.Sets[0].Files[1].Error!.Detail, StringComparison.Ordinal);
        Assert.Equal(ManifestLimits.MaxOsLength, fitted.Os.Length);
        Assert.StartsWith("Linux o", fitted.Os, StringComparison.Ordinal);
        Assert.Equal("bad\uFFFDcache", fitted.Cache.Detail);
    }
}
