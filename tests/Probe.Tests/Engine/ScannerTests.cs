using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Tests;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Engine;

public sealed class ScannerTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero));
    private string State => _tree.PathOf("state");

    public void Dispose() => _tree.Dispose();

    private static string Sha(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    [Fact]
    public void A_missing_folder_and_an_empty_folder_are_reported_as_such()
    {
        var empty = _tree.Folder("backup_sql/Vendas");
        var config = Probes.Config(State, Probes.Set("gone", _tree.PathOf("nao_existe")), Probes.Set("empty", empty));

        var manifest = Probes.Scan(config, time: _time).Manifest;

        var gone = manifest.Sets[0];
        Assert.False(gone.Exists);
        Assert.False(gone.Readable);
        Assert.Equal(ProblemCode.NotFound, gone.Error!.Code);
        var none = manifest.Sets[1];
        Assert.True(none.Exists);
        Assert.True(none.Readable);
        Assert.Equal(0, none.FileCount);
        Assert.Empty(none.Files);
    }

    [Fact]
    public void Every_file_is_listed_with_its_size_time_and_sha256_including_accents_spaces_and_long_paths()
    {
        var when = new DateTime(2026, 11, 30, 22, 10, 0, DateTimeKind.Utc);
        var deep = string.Join('/', Enumerable.Range(0, 12).Select(i => $"pasta de cópia {i:00} com nome comprido"));
        var files = new Dictionary<string, byte[]>
        {
            ["Vendas/Vendas_20261130.bak"] = TempTree.Random(300_000, 1),
            ["Cópia de Segurança/ação diária ç.bak"] = TempTree.Random(10, 2),
            [deep + "/" + new string('x', 200) + ".bak"] = TempTree.Random(5000, 3),
            ["vazio.bak"] = [],
        };
        foreach (var (path, content) in files)
        {
            _tree.File("root/" + path, content, when);
        }

        var manifest = Probes.Scan(Probes.Config(State, Probes.Set("sql", _tree.PathOf("root"))), time: _time).Manifest;

        var set = manifest.Sets.Single();
        Assert.Equal(files.Count, set.FileCount);
        Assert.Equal(files.Values.Sum(c => (long)c.Length), set.TotalBytes);
        Assert.True(deep.Length > 400);
        foreach (var (path, content) in files)
        {
            var file = manifest.File(path);
            Assert.Equal(content.Length, file.Size);
            Assert.Equal(when, file.LastWriteUtc);
            Assert.Equal(Sha(content), file.Sha256);
            Assert.True(file.HashedThisRun);
            Assert.Null(file.Error);
        }

        Assert.NotNull(set.VolumeFreeBytes);
        Assert.True(set.VolumeTotalBytes >= set.VolumeFreeBytes);
    }

    [Fact]
    public void Patterns_and_recursion_decide_which_files_belong_to_a_set()
    {
        _tree.File("root/a.bak", "a");
        _tree.File("root/a.log", "a");
        _tree.File("root/sub/b.bak", "b");
        _tree.File("root/tmp/c.bak", "c");

        var flat = Probes.Set("flat", _tree.PathOf("root"), include: ["*.bak"], recurse: false);
        var deep = Probes.Set("deep", _tree.PathOf("root"), include: ["*.bak"], exclude: ["tmp/**"]);
        var manifest = Probes.Scan(Probes.Config(State, flat, deep), time: _time).Manifest;

        Assert.Equal(["a.bak"], manifest.Sets[0].Files.Select(f => f.Path));
        Assert.Equal(["a.bak", "sub/b.bak"], manifest.Sets[1].Files.Select(f => f.Path));
    }

    [Fact]
    public void Links_are_followed_once_and_never_into_a_cycle()
    {
        var outside = _tree.File("elsewhere/dump.bak", "outside");
        _tree.File("root/db/a.bak", "a");
        Directory.CreateSymbolicLink(_tree.PathOf("root/db/loop"), _tree.PathOf("root"));
        Directory.CreateSymbolicLink(_tree.PathOf("root/self"), _tree.PathOf("root/db"));
        Directory.CreateSymbolicLink(_tree.PathOf("root/other"), _tree.PathOf("elsewhere"));
        File.CreateSymbolicLink(_tree.PathOf("root/linked.bak"), outside);
        File.CreateSymbolicLink(_tree.PathOf("root/broken.bak"), _tree.PathOf("nowhere.bak"));

        var manifest = Probes.Scan(Probes.Config(State, Probes.Set("sql", _tree.PathOf("root"))), time: _time).Manifest;

        var set = manifest.Sets.Single();
        Assert.Equal(["broken.bak", "db/a.bak", "linked.bak", "other/dump.bak"], set.Files.Select(f => f.Path));
        Assert.Equal(ProblemCode.BrokenLink, manifest.File("broken.bak").Error!.Code);
        Assert.Equal(Sha("outside"u8.ToArray()), manifest.File("linked.bak").Sha256);
        Assert.Equal(["db/loop", "self"], set.Skipped.Select(s => s.Path));
        Assert.All(set.Skipped, s => Assert.Equal(ProblemCode.LinkCycle, s.Reason.Code));
    }

    [Fact]
    public void A_rescan_of_unchanged_files_reads_no_content_and_reuses_the_hashes()
    {
        for (var i = 0; i < 20; i++)
        {
            _tree.File($"root/d{i % 3}/f{i}.bak", TempTree.Random(1000 + i, i));
        }

        var config = Probes.Config(State, Probes.Set("sql", _tree.PathOf("root")));
        var first = Probes.Scan(config, time: _time);
        var firstRunTime = first.Manifest.FinishedUtc;
        _time.Advance(TimeSpan.FromMinutes(10));
        var second = Probes.Scan(config with { ReverifyBudgetBytes = 0 }, time: _time);

        Assert.Equal(20, first.Statistics.FilesHashed);
        Assert.True(first.BytesRead > 20_000);
        Assert.Equal(CacheStatus.Loaded, second.Manifest.Cache.Status);
        Assert.Equal(0, second.BytesRead);
        Assert.Equal(20, second.Statistics.FilesFromCache);
        Assert.All(second.Manifest.Sets[0].Files, f =>
        {
            Assert.False(f.HashedThisRun);
            Assert.Equal(firstRunTime, f.VerifiedUtc);
            Assert.Equal(first.Manifest.File(f.Path).Sha256, f.Sha256);
        });
    }

    [Fact]
    public void A_run_that_changed_nothing_leaves_the_cache_file_alone_but_records_the_run()
    {
        _tree.File("root/a.bak", TempTree.Random(5000, 1));
        var config = Probes.Config(State, Probes.Set("sql", _tree.PathOf("root"))) with { ReverifyBudgetBytes = 0 };
        Probes.Scan(config, time: _time);
        var cachePath = Path.Combine(State, Probe.Engine.HashCache.FileName);
        var before = File.ReadAllBytes(cachePath);

        _time.Advance(TimeSpan.FromHours(12));
        var second = Probes.Scan(config, time: _time);

        Assert.Equal(before, File.ReadAllBytes(cachePath));
        Assert.Equal(second.Manifest.StartedUtc, Probe.Engine.HashCache.Load(cachePath).Cache.LastRunUtc);
    }

    [Fact]
    public void Only_a_changed_file_is_read_again()
    {
        _tree.File("root/a.bak", TempTree.Random(5000, 1));
        var changed = _tree.File("root/b.bak", TempTree.Random(5000, 2));
        var config = Probes.Config(State, Probes.Set("sql", _tree.PathOf("root"))) with { ReverifyBudgetBytes = 0 };
        Probes.Scan(config, time: _time);

        File.AppendAllText(changed, "more");
        var second = Probes.Scan(config, time: _time);

        Assert.Equal(5004, second.BytesRead);
        Assert.True(second.Manifest.File("b.bak").HashedThisRun);
        Assert.Equal(Sha(File.ReadAllBytes(changed)), second.Manifest.File("b.bak").Sha256);
        Assert.False(second.Manifest.File("a.bak").HashedThisRun);
    }

    [Fact]
    public void A_file_replaced_under_the_same_size_and_time_is_read_again_by_its_new_file_id()
    {
        var when = new DateTime(2026, 11, 29, 22, 0, 0, DateTimeKind.Utc);
        var path = _tree.File("root/a.bak", TempTree.Random(4000, 1), when);
        var config = Probes.Config(State, Probes.Set("sql", _tree.PathOf("root"))) with { ReverifyBudgetBytes = 0 };
        Probes.Scan(config, time: _time);

        var replacement = _tree.File("a.bak.new", TempTree.Random(4000, 2), when);
        File.Move(replacement, path, overwrite: true);
        File.SetLastWriteTimeUtc(path, when);
        var second = Probes.Scan(config, time: _time);

        Assert.True(second.Manifest.File("a.bak").HashedThisRun);
        Assert.Equal(Sha(File.ReadAllBytes(path)), second.Manifest.File("a.bak").Sha256);
    }

    [Fact]
    public void Content_that_changed_behind_unchanged_metadata_is_caught_by_reverification()
    {
        var when = new DateTime(2026, 11, 29, 22, 0, 0, DateTimeKind.Utc);
        var path = _tree.File("root/Vendas.bak", TempTree.Random(8000, 1), when);
        var config = Probes.Config(State, Probes.Set("sql", _tree.PathOf("root"))) with { ReverifyBudgetBytes = 0 };
        var first = Probes.Scan(config, time: _time);

        // Same size, same inode, same time: only reading the content can tell.
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.Position = 4000;
            stream.WriteByte(0x42);
        }

        File.SetLastWriteTimeUtc(path, when);
        var unnoticed = Probes.Scan(config, time: _time);
        _time.Advance(TimeSpan.FromDays(31));
        var noticed = Probes.Scan(config, time: _time);

        Assert.False(unnoticed.Manifest.File("Vendas.bak").HashedThisRun);
        var file = noticed.Manifest.File("Vendas.bak");
        Assert.True(file.HashedThisRun);
        Assert.Equal(first.Manifest.File("Vendas.bak").Sha256, file.PreviousSha256);
        Assert.Equal(Sha(File.ReadAllBytes(path)), file.Sha256);
    }

    [Fact]
    public void Verify_all_rereads_every_known_file()
    {
        for (var i = 0; i < 5; i++)
        {
            _tree.File($"root/f{i}.bak", TempTree.Random(1000, i));
        }

        var config = Probes.Config(State, Probes.Set("sql", _tree.PathOf("root"))) with { ReverifyBudgetBytes = 0 };
        Probes.Scan(config, time: _time);
        var all = Probes.Scan(config, time: _time, verifyAll: true);

        Assert.Equal(5000, all.BytesRead);
        Assert.All(all.Manifest.Sets[0].Files, f => Assert.True(f.HashedThisRun));
        Assert.All(all.Manifest.Sets[0].Files, f => Assert.Null(f.PreviousSha256));
    }

    [Fact]
    public void Each_run_rereads_a_bounded_slice_of_known_files_oldest_first()
    {
        for (var i = 0; i < 6; i++)
        {
            _tree.File($"root/f{i}.bak", TempTree.Random(1000, i));
        }

        var config = Probes.Config(State, Probes.Set("sql", _tree.PathOf("root"))) with { ReverifyBudgetBytes = 2000 };
        Probes.Scan(config, time: _time);
        var slices = new List<string[]>();
        for (var run = 0; run < 3; run++)
        {
            _time.Advance(TimeSpan.FromHours(8));
            var manifest = Probes.Scan(config, time: _time).Manifest;
            slices.Add(manifest.Sets[0].Files.Where(f => f.HashedThisRun).Select(f => f.Path).ToArray());
        }

        Assert.All(slices, s => Assert.Equal(2, s.Length));
        Assert.Equal(6, slices.SelectMany(s => s).Distinct().Count());
    }

    [Fact]
    public void A_locked_file_and_a_refused_file_are_recorded_and_the_scan_goes_on()
    {
        _tree.File("root/locked.bak", "x");
        _tree.File("root/secret.bak", "y");
        _tree.File("root/fine.bak", "z");
        var fs = new FaultyFileSystem();
        fs.OpenFaults["locked.bak"] = FaultyFileSystem.SharingViolation();
        fs.OpenFaults["secret.bak"] = new UnauthorizedAccessException("Access to the path is denied.");

        var manifest = Probes.Scan(Probes.Config(State, Probes.Set("sql", _tree.PathOf("root"))), fs, _time).Manifest;

        Assert.Equal(ProblemCode.Locked, manifest.File("locked.bak").Error!.Code);
        Assert.Null(manifest.File("locked.bak").Sha256);
        Assert.Equal(ProblemCode.AccessDenied, manifest.File("secret.bak").Error!.Code);
        Assert.Equal(Sha("z"u8.ToArray()), manifest.File("fine.bak").Sha256);
    }

    [Fact]
    public void An_unreadable_subfolder_is_recorded_and_an_unreadable_root_makes_the_set_unreadable()
    {
        _tree.File("root/ok/a.bak", "a");
        _tree.File("root/private/b.bak", "b");
        _tree.File("closed/c.bak", "c");
        var fs = new FaultyFileSystem();
        fs.ListFaults["private"] = new UnauthorizedAccessException("denied");
        fs.ListFaults["closed"] = new UnauthorizedAccessException("denied");

        var manifest = Probes.Scan(Probes.Config(State, Probes.Set("sql", _tree.PathOf("root")), Probes.Set("closed", _tree.PathOf("closed"))), fs, _time).Manifest;

        Assert.Equal(["ok/a.bak"], manifest.Sets[0].Files.Select(f => f.Path));
        Assert.Equal(ProblemCode.AccessDenied, Assert.Single(manifest.Sets[0].Skipped).Reason.Code);
        Assert.True(manifest.Sets[1].Exists);
        Assert.False(manifest.Sets[1].Readable);
        Assert.Equal(ProblemCode.AccessDenied, manifest.Sets[1].Error!.Code);
    }

    [Fact]
    public void A_file_still_being_written_is_reported_in_progress_not_hashed_and_read_again_next_time()
    {
        _tree.File("root/growing.bak", TempTree.Random(20_000, 1));
        var fs = new FaultyFileSystem();
        fs.Growing.Add("growing.bak");
        var config = Probes.Config(State, Probes.Set("sql", _tree.PathOf("root")));

        var first = Probes.Scan(config, fs, _time).Manifest.File("growing.bak");
        fs.Growing.Clear();
        var second = Probes.Scan(config, fs, _time).Manifest.File("growing.bak");

        Assert.Equal(ProblemCode.InProgress, first.Error!.Code);
        Assert.Null(first.Sha256);
        Assert.False(first.HashedThisRun);
        Assert.True(second.HashedThisRun);
        Assert.NotNull(second.Sha256);
    }

    [Fact]
    public void The_degree_of_parallelism_changes_nothing_in_the_result()
    {
        for (var i = 0; i < 60; i++)
        {
            _tree.File($"root/d{i % 7}/f{i}.bak", TempTree.Random(100 + (i * 997), i));
        }

        _tree.File("root/big.bak", TempTree.Random(3_000_000, 99));
        string Hashes(int parallel, int large)
        {
            var config = Probes.Config(_tree.PathOf($"state{parallel}"), Probes.Set("sql", _tree.PathOf("root"))) with
            {
                Parallel = parallel,
                LargeFileParallel = large,
                LargeFileThreshold = 1_000_000,
            };
            return string.Join('\n', Probes.Scan(config, time: _time).Manifest.Sets[0].Files.Select(f => f.Path + " " + f.Sha256));
        }

        Assert.Equal(Hashes(1, 1), Hashes(4, 2));
    }

    [Fact]
    public void What_the_probe_writes_validates_against_the_manifest_schema()
    {
        _tree.File("root/a.bak", TempTree.Random(100, 1));
        _tree.File("root/ação.bak", "x");
        File.CreateSymbolicLink(_tree.PathOf("root/broken.bak"), _tree.PathOf("nowhere"));
        Directory.CreateSymbolicLink(_tree.PathOf("root/loop"), _tree.PathOf("root"));
        _tree.Folder("empty");
        var fs = new FaultyFileSystem();
        fs.OpenFaults["a.bak"] = FaultyFileSystem.SharingViolation();

        var manifest = Probes.Scan(Probes.Config(State,
            Probes.Set("sql", _tree.PathOf("root")),
            Probes.Set("empty", _tree.PathOf("empty")),
            Probes.Set("gone", _tree.PathOf("gone"))), fs, _time).Manifest;
        var json = JsonSerializer.Serialize(manifest, ContractsJson.Context.Manifest);

        Assert.Empty(SchemaValidator.Errors(json));
    }

    [Fact]
    public void Files_a_real_disk_gives_that_the_manifest_cannot_carry_as_they_are_are_reported_with_a_problem_and_the_manifest_stays_valid()
    {
        _tree.File("root/good.bak", [1], new DateTime(2026, 11, 30, 22, 0, 0, DateTimeKind.Utc));
        _tree.File("root/epoch.bak", [2], DateTime.UnixEpoch);
        _tree.File("root/fat.bak", [3], new DateTime(1980, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        _tree.File("root/a\\b.bak", "a Linux name with a backslash");
        _tree.File("root/x:y.bak", "a Linux name with a colon second");

        var manifest = Probes.Scan(Probes.Config(State, Probes.Set("sql", _tree.PathOf("root"))), time: _time).Manifest;

        Assert.Empty(ManifestValidator.Validate(manifest));
        Assert.Empty(SchemaValidator.Errors(JsonSerializer.Serialize(manifest, ContractsJson.Context.Manifest)));
        Assert.Null(manifest.File("good.bak").Error);
        Assert.Equal(ManifestLimits.EarliestUtc, manifest.File("epoch.bak").LastWriteUtc);
        Assert.Contains("1970-01-01T00:00:00Z is outside", manifest.File("epoch.bak").Error!.Detail, StringComparison.Ordinal);
        Assert.Contains("1980-01-01T00:00:00Z is outside", manifest.File("fat.bak").Error!.Detail, StringComparison.Ordinal);
        Assert.Equal(ProblemCode.IoError, manifest.File("a＼b.bak").Error!.Code);
        Assert.Equal(ProblemCode.IoError, manifest.File("x：y.bak").Error!.Code);
    }

    [Fact]
    public void A_run_whose_clock_steps_back_still_finishes_no_earlier_than_it_started()
    {
        _tree.File("root/a.bak", "x");
        var clock = new SteppingBackClock(_time.GetUtcNow());

        var manifest = Probes.Scan(Probes.Config(State, Probes.Set("sql", _tree.PathOf("root"))), time: clock).Manifest;

        Assert.Equal(manifest.StartedUtc, manifest.FinishedUtc);
        Assert.Empty(ManifestValidator.Validate(manifest));
    }

    /// <summary>A wall clock a time sync sets back by a minute after the run's first reading.</summary>
    private sealed class SteppingBackClock(DateTimeOffset start) : TimeProvider
    {
        private int _readings;

        public override DateTimeOffset GetUtcNow() => Interlocked.Increment(ref _readings) == 1 ? start : start.AddMinutes(-1);
    }
}
