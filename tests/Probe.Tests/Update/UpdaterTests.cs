using System.Security.Cryptography;
using System.Text;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.Contracts.Tests.Releases;
using MonitoramentoBKP.Probe.Delivery;
using MonitoramentoBKP.Probe.Tests.Support;
using MonitoramentoBKP.Probe.Update;

namespace MonitoramentoBKP.Probe.Tests.Update;

/// <summary>
/// One look for an update against a fake collector, in process: each refusal is reported as the latest update event
/// and leaves the version in place untouched; the usual answers (nothing offered, already current) report nothing.
/// The staged "executables" are shell scripts, so these run on Linux.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UpdaterTests : IDisposable
{
    private const string Running = "9.1.0";

    private readonly TempTree _tree = new();
    private readonly FakeCollector _collector = new();
    private readonly ECDsa _branchKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _releaseKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _unknownKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ReleaseKeyRing _ring;
    private readonly HttpClient _http = CollectorHttp.CreateClient();
    private readonly ProgramFolder _program;

    public UpdaterTests()
    {
        _program = new ProgramFolder(_tree.Folder("program"));
        _tree.File("program/bkp-probe", "the version in place");
        _tree.Folder("state");
        Assert.True(ReleaseKeyRing.TryCreate([PublicKeyInfo.Export(_releaseKey)], "releaseKeys", out var ring, out var problem), problem);
        _ring = ring;
    }

    public void Dispose()
    {
        _http.Dispose();
        _ring.Dispose();
        _collector.Dispose();
        _branchKey.Dispose();
        _releaseKey.Dispose();
        _unknownKey.Dispose();
        _tree.Dispose();
    }

    private string State => _tree.PathOf("state");

    private static byte[] Script(string body) => Encoding.UTF8.GetBytes("#!/bin/sh\n" + body + "\n");

    private static ReleaseDocument Document(string version, byte[] exe, long? length = null) =>
        TestReleases.Document(version, "stable", new ReleaseFile
        {
            Runtime = UpdateRuntime.Current,
            Name = "bkp-probe",
            Length = length ?? exe.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(exe)),
        }) with { PublishedUtc = DateTime.UtcNow.AddHours(-1), ExpiresUtc = DateTime.UtcNow.AddDays(30) };

    /// <summary>Offers a release of <paramref name="exe"/>, signed by <paramref name="key"/> (the trusted release key by default), whose file is served as <paramref name="served"/>.</summary>
    private void Offer(string version, byte[] exe, FakeCollector.ReleaseFileReply? served = null, ECDsa? key = null, ReleaseDocument? document = null)
    {
        _collector.UpdateEnvelope = TestReleases.Envelope(document ?? Document(version, exe), key ?? _releaseKey);
        _collector.ReleaseFiles[$"{version}/bkp-probe"] = served ?? new FakeCollector.ReleaseFileReply(exe);
    }

    private Task<UpdateAttempt> Update(bool apply = true, TimeSpan? selfTest = null)
    {
        var settings = new UpdateSettings
        {
            Collector = _collector.Url,
            Channel = "stable",
            Runtime = UpdateRuntime.Current,
            Program = _program,
            StateDirectory = State,
            ConfigPath = _tree.PathOf("probe.json"),
            RunningVersion = Running,
            Keys = _ring,
            SelfTestTimeout = selfTest ?? SelfTestRunner.DefaultTimeout,
        };
        var signer = new ProbeSigner(_branchKey, "F042", ClockOffset.Unsaved(), TimeProvider.System);
        return new Updater(_http, signer, settings, TimeProvider.System, _ => { }).RunAsync(apply, CancellationToken.None);
    }

    private void AssertRefusedAndUntouched(UpdateAttempt attempt, ReleaseRefusalKind kind, string version = "9.2.0")
    {
        Assert.Equal(UpdateStatus.Refused, attempt.Status);
        Assert.StartsWith(kind + ":", attempt.Detail, StringComparison.Ordinal);
        var report = UpdateStore.ReadReport(State);
        Assert.Equal((UpdateOutcome.Refused, version, Running), (report?.Outcome, report?.Version, report?.PreviousVersion));
        Assert.Equal(attempt.Detail, report?.Detail);
        Assert.Equal("the version in place", File.ReadAllText(_program.Current));
        Assert.False(File.Exists(_program.Staged));
        Assert.Null(UpdateStore.ReadJournal(State));
    }

    [Fact]
    public async Task A_valid_release_is_downloaded_self_tested_and_swapped_in()
    {
        var exe = Script("echo 9.2.0");
        Offer("9.2.0", exe);

        var attempt = await Update();

        Assert.Equal(UpdateStatus.Installed, attempt.Status);
        Assert.Equal(exe, File.ReadAllBytes(_program.Current));
        Assert.Equal("the version in place", File.ReadAllText(_program.Previous));
        Assert.Equal(UpdatePhase.Trial, UpdateStore.ReadJournal(State)?.Phase);
        Assert.Contains("channel=stable", _collector.UpdateRequests[0].Target, StringComparison.Ordinal);
        Assert.Null(Signed.Verify(_collector.UpdateRequests[0], _collector.Url, _branchKey));
        Assert.Null(Signed.Verify(_collector.UpdateRequests[1], _collector.Url, _branchKey));
    }

    [Fact]
    public async Task A_check_only_says_a_valid_release_is_available_and_downloads_nothing()
    {
        Offer("9.2.0", Script("echo 9.2.0"));

        Assert.Equal(UpdateStatus.Available, (await Update(apply: false)).Status);
        Assert.Single(_collector.UpdateRequests);
    }

    [Fact]
    public async Task No_release_for_the_branch_and_the_release_already_running_report_nothing()
    {
        Assert.Equal(UpdateStatus.NothingOffered, (await Update()).Status);
        Offer(Running, Script("echo 9.1.0"));
        Assert.Equal(UpdateStatus.AlreadyCurrent, (await Update()).Status);
        Assert.Null(UpdateStore.ReadReport(State));
    }

    [Fact]
    public async Task A_release_signed_by_an_unknown_key_is_refused_and_reported_with_the_version_it_claims()
    {
        Offer("9.2.0", Script("echo 9.2.0"), key: _unknownKey);
        AssertRefusedAndUntouched(await Update(), ReleaseRefusalKind.UnknownKey);
    }

    [Fact]
    public async Task An_older_release_than_the_highest_accepted_is_refused_as_a_rollback()
    {
        UpdateStore.RaiseHighest(State, ReleaseVersion.Parse("9.5.0"));
        Offer("9.2.0", Script("echo 9.2.0"));
        AssertRefusedAndUntouched(await Update(), ReleaseRefusalKind.NotNewer);
    }

    [Fact]
    public async Task A_document_over_the_cap_is_refused()
    {
        _collector.UpdateEnvelope = new byte[SignedEnvelope.MaxLength + 1000];
        AssertRefusedAndUntouched(await Update(), ReleaseRefusalKind.TooLarge, version: "0.0.0");
    }

    [Fact]
    public async Task An_endless_download_is_refused_at_the_declared_length()
    {
        var exe = Script("echo 9.2.0");
        Offer("9.2.0", exe, new FakeCollector.ReleaseFileReply(exe, Endless: true));
        AssertRefusedAndUntouched(await Update(), ReleaseRefusalKind.TooLong);
    }

    [Fact]
    public async Task A_download_announced_longer_than_declared_is_refused_before_it_is_read()
    {
        var exe = Script("echo 9.2.0");
        Offer("9.2.0", exe, new FakeCollector.ReleaseFileReply([.. exe, .. "# more"u8.ToArray()]));
        AssertRefusedAndUntouched(await Update(), ReleaseRefusalKind.TooLong);
    }

    [Fact]
    public async Task A_download_with_the_wrong_hash_is_refused()
    {
        var exe = Script("echo 9.2.0");
        Offer("9.2.0", exe, new FakeCollector.ReleaseFileReply(Script("echo 6.6.6")));
        AssertRefusedAndUntouched(await Update(), ReleaseRefusalKind.WrongHash);
    }

    [Fact]
    public async Task A_self_test_that_hangs_is_killed_at_its_time_limit_and_the_version_is_not_tried_again()
    {
        Offer("9.2.0", Script("sleep 30; echo 9.2.0"));

        var attempt = await Update(selfTest: TimeSpan.FromSeconds(1));

        Assert.Equal(UpdateStatus.SelfTestFailed, attempt.Status);
        Assert.Contains("did not finish within 1 s", attempt.Detail, StringComparison.Ordinal);
        Assert.Equal(UpdateOutcome.SelfTestFailed, UpdateStore.ReadReport(State)?.Outcome);
        Assert.Equal("the version in place", File.ReadAllText(_program.Current));
        Assert.Equal(UpdateStatus.KnownBad, (await Update()).Status);
    }

    [Fact]
    public async Task A_self_test_that_prints_another_version_fails()
    {
        Offer("9.2.0", Script("echo 9.1.9"));

        var attempt = await Update();

        Assert.Equal(UpdateStatus.SelfTestFailed, attempt.Status);
        Assert.Contains("'9.1.9'", attempt.Detail, StringComparison.Ordinal);
    }
}
