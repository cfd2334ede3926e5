using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.Contracts.Tests.Releases;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Identity;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Tests.Support;
using MonitoramentoBKP.Probe.Update;

namespace MonitoramentoBKP.Probe.Tests.Update;

/// <summary>
/// Real executables in a real program folder, run as the schedule runs them (<c>bkp-probe run</c>, then
/// <c>bkp-probe.previous recover</c> when it exists): a good update goes in and is confirmed, a release that crashes
/// or delivers nothing is rolled back within two scheduled runs by the previous version, a process killed at any
/// point of the update still leaves a probe that runs, and every scheduled run delivers its manifest.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SelfUpdateTests : IClassFixture<PublishedProbes>, IDisposable
{
    private readonly PublishedProbes _probes;
    private readonly TempTree _tree = new();
    private readonly FakeCollector _collector = new();
    private readonly ECDsa _releaseKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ProgramFolder _program;

    public SelfUpdateTests(PublishedProbes probes)
    {
        _probes = probes;
        _program = new ProgramFolder(_tree.Folder("program"));
        Install(probes.OldExe, _program.Current);
        _tree.File("backup/Vendas.bak", TempTree.Random(5_000, 3));
        new ProbeKeyStore(new Messages(Language.English)).Create(_tree.PathOf("state/probe.key")).Dispose();
        File.WriteAllText(Config, $$"""
            { "collectorUrl": "{{_collector.Url}}", "branchId": "F042", "stateDirectory": "state", "language": "en",
              "sets": [ { "id": "sql", "root": "backup" } ], "releaseKeys": [ "{{PublicKeyInfo.Export(_releaseKey)}}" ] }
            """);
    }

    public void Dispose()
    {
        _collector.Dispose();
        _releaseKey.Dispose();
        _tree.Dispose();
    }

    private string Config => _tree.PathOf("probe.json");

    private string State => _tree.PathOf("state");

    private static void Install(string from, string to)
    {
        File.Copy(from, to, overwrite: true);
        File.SetUnixFileMode(to, (UnixFileMode)0b111_101_101);
    }

    /// <summary>Offers <paramref name="exe"/> as release <paramref name="version"/>, served by redirect to an unsigned address.</summary>
    private void Offer(string version, byte[] exe)
    {
        var document = TestReleases.Document(version, "stable", new ReleaseFile
        {
            Runtime = UpdateRuntime.Current,
            Name = "bkp-probe",
            Length = exe.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(exe)),
        }) with { PublishedUtc = DateTime.UtcNow.AddHours(-1), ExpiresUtc = DateTime.UtcNow.AddDays(30) };
        _collector.UpdateEnvelope = TestReleases.Envelope(document, _releaseKey);
        _collector.ReleaseFiles[$"{version}/bkp-probe"] = new FakeCollector.ReleaseFileReply(exe, Redirect: true);
    }

    private static byte[] Script(string body) => System.Text.Encoding.UTF8.GetBytes("#!/bin/sh\n" + body + "\n");

    private sealed record Result(int ExitCode, string Stdout, string Stderr);

    private Result Exe(string path, string[] arguments, string? fault = null)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = _tree.Root };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "BKP_CONFIG", "BKP_BRANCH_ID", "BKP_STATE_DIR", "BKP_LANG", "BKP_COLLECTOR_URL", "BKP_KEY_FILE", UpdateFaults.Variable })
        {
            start.Environment.Remove(name);
        }

        if (fault is not null)
        {
            start.Environment[UpdateFaults.Variable] = fault;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{path} {string.Join(' ', arguments)} did not finish");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>One scheduled run: the current version's run (when the file is there), then the previous version's recover (when it is).</summary>
    private (Result? Run, Result? Recover) Scheduled()
    {
        var run = File.Exists(_program.Current) ? Exe(_program.Current, ["run", "--config", Config]) : null;
        var recover = File.Exists(_program.Previous) ? Exe(_program.Previous, ["recover", "--config", Config]) : null;
        return (run, recover);
    }

    private string VersionOf(string exe) => Exe(exe, ["--version"]).Stdout.Trim().Split('+')[0];

    private static Manifest Sent(FakeCollector.Request request) => JsonSerializer.Deserialize(request.DecompressedBody(), ContractsJson.Context.Manifest)!;

    [Fact]
    public void A_good_release_is_installed_after_the_run_delivered_then_confirmed_by_its_own_delivered_run()
    {
        Offer(PublishedProbes.New, File.ReadAllBytes(_probes.NewExe));

        var first = Scheduled();

        Assert.Equal(0, first.Run?.ExitCode);
        Assert.Contains("version 9.2.0 installed", first.Run!.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, first.Recover?.ExitCode);
        Assert.Equal((PublishedProbes.New, PublishedProbes.Old), (VersionOf(_program.Current), VersionOf(_program.Previous)));
        Assert.Equal(UpdatePhase.Trial, UpdateStore.ReadJournal(State)?.Phase);

        // The file came by redirect: signed to the collector, and the storage address got no signature headers.
        var files = _collector.UpdateRequests.Where(r => !r.Target.StartsWith("/api/probe/update", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, files.Count);
        Assert.NotNull(files[0].Header("Signature"));
        Assert.StartsWith("/sas/", files[1].Target, StringComparison.Ordinal);
        Assert.Null(files[1].Header("Signature"));
        Assert.Null(files[1].Header("Signature-Input"));

        var second = Scheduled();
        Assert.Equal(0, second.Run?.ExitCode);
        Assert.Contains("confirmed", second.Recover!.Stderr, StringComparison.Ordinal);
        Assert.Equal(UpdatePhase.Confirmed, UpdateStore.ReadJournal(State)?.Phase);

        Scheduled();
        var update = Sent(_collector.Requests[^1]).Update;
        Assert.Equal((UpdateOutcome.Updated, PublishedProbes.New, PublishedProbes.Old), (update?.Outcome, update?.Version, update?.PreviousVersion));
        Assert.Equal(PublishedProbes.New, Sent(_collector.Requests[^1]).ProbeVersion);
        Assert.Equal(3, _collector.Accepted.Distinct().Count());

        var status = Exe(_program.Current, ["status", "--config", Config]);
        Assert.Contains("Version:           9.2.0 (previous: 9.1.0)", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("Last update:       updated to 9.2.0", status.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exit 3")]
    [InlineData("exit 0")]
    public void A_release_that_passes_its_self_test_but_crashes_or_delivers_nothing_is_rolled_back_within_two_runs_by_the_previous_version(string whenRun)
    {
        Offer("9.3.0", Script($"if [ \"$1\" = self-test ]; then echo 9.3.0; exit 0; fi\n{whenRun}"));

        var installing = Scheduled();
        Assert.Contains("version 9.3.0 installed", installing.Run!.Stderr, StringComparison.Ordinal);

        var firstFailed = Scheduled();
        Assert.Contains("delivered nothing in this run (1 of 2)", firstFailed.Recover!.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, firstFailed.Recover.ExitCode);

        var rolledBack = Scheduled();
        Assert.Contains("update failed, previous version restored: 9.3.0 → 9.1.0", rolledBack.Recover!.Stderr, StringComparison.Ordinal);
        Assert.Equal(PublishedProbes.Old, VersionOf(_program.Current));
        Assert.True(File.Exists(_program.Failed));
        Assert.False(File.Exists(_program.Previous));

        var report = Sent(_collector.Requests[^1]).Update;
        Assert.Equal((UpdateOutcome.RolledBack, "9.3.0", PublishedProbes.Old), (report?.Outcome, report?.Version, report?.PreviousVersion));
        Assert.Contains("delivered nothing in 2 scheduled runs", report!.Detail, StringComparison.Ordinal);

        // Still offered, never installed again: no download, and the probe runs on.
        var downloads = _collector.UpdateRequests.Count(r => r.Target.StartsWith("/api/probe/releases/", StringComparison.Ordinal));
        var after = Scheduled();
        Assert.Equal(0, after.Run?.ExitCode);
        Assert.Null(after.Recover);
        Assert.Equal(downloads, _collector.UpdateRequests.Count(r => r.Target.StartsWith("/api/probe/releases/", StringComparison.Ordinal)));

        // Four scheduled runs, four manifests: the failed runs' manifests came from the previous version.
        Assert.Equal(4, _collector.Accepted.Distinct().Count());
    }

    [Fact]
    public void A_release_that_fails_its_self_test_is_never_put_in_place_and_the_failure_reaches_the_next_manifest()
    {
        Offer("9.3.0", Script("exit 3"));

        var run = Scheduled();

        Assert.Equal(0, run.Run?.ExitCode);
        Assert.Contains("failed its self-test", run.Run!.Stderr, StringComparison.Ordinal);
        Assert.Null(run.Recover);
        Assert.Equal(PublishedProbes.Old, VersionOf(_program.Current));
        Assert.False(File.Exists(_program.Staged));

        Scheduled();
        var report = Sent(_collector.Requests[^1]).Update;
        Assert.Equal(UpdateOutcome.SelfTestFailed, report?.Outcome);
        Assert.Contains("exited with code 3", report!.Detail, StringComparison.Ordinal);
        Assert.Single(_collector.UpdateRequests, r => r.Target.StartsWith("/sas/", StringComparison.Ordinal));
    }

    public static TheoryData<string> KillPoints =>
    [
        "download:started", "download:saved", "selftest:started", "selftest:passed",
        "swap:journal-written", "swap:previous-removed", "swap:current-moved", "swap:staged-moved",
    ];

    [Theory]
    [MemberData(nameof(KillPoints))]
    public void A_probe_killed_at_any_point_of_an_update_still_runs_next_time_and_the_update_ends_in_place(string point)
    {
        Offer(PublishedProbes.New, File.ReadAllBytes(_probes.NewExe));

        var killed = Exe(_program.Current, ["update", "--config", Config], fault: point);
        Assert.Equal(137, killed.ExitCode);

        var next = Scheduled();
        Assert.Single(_collector.Accepted);
        Assert.Contains(0, new[] { next.Run?.ExitCode, next.Recover?.ExitCode });
        Assert.Contains(VersionOf(_program.Current), new[] { PublishedProbes.Old, PublishedProbes.New });

        Scheduled();
        Assert.Equal(2, _collector.Accepted.Distinct().Count());
        Assert.Equal(PublishedProbes.New, VersionOf(_program.Current));
        Assert.Equal(UpdatePhase.Confirmed, UpdateStore.ReadJournal(State)?.Phase);
    }
}
