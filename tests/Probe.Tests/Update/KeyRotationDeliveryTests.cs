using System.Security.Cryptography;
using System.Text;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.Contracts.Tests.Releases;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Delivery;
using MonitoramentoBKP.Probe.Tests.Support;
using MonitoramentoBKP.Probe.Update;

namespace MonitoramentoBKP.Probe.Tests.Update;

/// <summary>
/// Key rotations reaching the probe from the collector (GET api/probe/keys) before each update check, in process
/// against a fake collector: the trust in force is loaded as <c>update</c> and <c>run</c> load it
/// (<see cref="ReleaseTrust.Load"/>: probe.json's key, then the rotation kept). An accepted rotation verifies the
/// release of the same run; one not newer is ignored; any other is refused, reported once, and changes nothing; a
/// collector that cannot answer never stops the update check. The staged "executables" are shell scripts, so these
/// run on Linux.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class KeyRotationDeliveryTests : IDisposable
{
    private const string Running = "9.1.0";

    private readonly TempTree _tree = new();
    private readonly FakeCollector _collector = new();
    private readonly ECDsa _branchKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _retired = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _next = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _after = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _untrusted = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly HttpClient _http = CollectorHttp.CreateClient();
    private readonly ProgramFolder _program;

    public KeyRotationDeliveryTests()
    {
        _program = new ProgramFolder(_tree.Folder("program"));
        _tree.File("program/bkp-probe", "the version in place");
        _tree.Folder("state");
    }

    public void Dispose()
    {
        _http.Dispose();
        _collector.Dispose();
        _branchKey.Dispose();
        _retired.Dispose();
        _next.Dispose();
        _after.Dispose();
        _untrusted.Dispose();
        _tree.Dispose();
    }

    private string State => _tree.PathOf("state");

    /// <summary>probe.json trusting the key about to be retired, as a company that injects its keys at install has it.</summary>
    private ProbeConfig Config => Probes.Config(State) with { ReleaseKeys = [PublicKeyInfo.Export(_retired)] };

    private static byte[] Rotation(int version, ECDsa signer, params ECDsa[] keys) => TestReleases.Envelope(TestReleases.Signed(TestReleases.Rotation(version, keys)), signer);

    private static byte[] Script(string body) => Encoding.UTF8.GetBytes("#!/bin/sh\n" + body + "\n");

    /// <summary>Offers release <paramref name="version"/> (a script printing it) signed only by <paramref name="key"/>.</summary>
    private void Offer(string version, ECDsa key)
    {
        var exe = Script("echo " + version);
        var document = TestReleases.Document(version, "stable", new ReleaseFile
        {
            Runtime = UpdateRuntime.Current,
            Name = "bkp-probe",
            Length = exe.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(exe)),
        }) with { PublishedUtc = DateTime.UtcNow.AddHours(-1), ExpiresUtc = DateTime.UtcNow.AddDays(30) };
        _collector.UpdateEnvelope = TestReleases.Envelope(document, key);
        _collector.ReleaseFiles[$"{version}/bkp-probe"] = new FakeCollector.ReleaseFileReply(exe);
    }

    /// <summary>One update run with the trust loaded from probe.json (<paramref name="config"/>, <see cref="Config"/> by default) and the state folder, as the command loads it.</summary>
    private async Task<UpdateAttempt> Update(ProbeConfig? config = null, Uri? collector = null)
    {
        using var keys = ReleaseTrust.Load(config ?? Config, out _);
        var settings = new UpdateSettings
        {
            Collector = collector ?? _collector.Url,
            Channel = "stable",
            Runtime = UpdateRuntime.Current,
            Program = _program,
            StateDirectory = State,
            ConfigPath = _tree.PathOf("probe.json"),
            RunningVersion = Running,
            Keys = keys,
        };
        var signer = new ProbeSigner(_branchKey, "F042", ClockOffset.Unsaved(), TimeProvider.System);
        return await new Updater(_http, signer, settings, TimeProvider.System, _ => { }).RunAsync(apply: true, CancellationToken.None);
    }

    /// <summary>The trust in force as "version: key ids".</summary>
    private string Trust()
    {
        using var keys = ReleaseTrust.Load(Config, out _);
        return $"{keys.Version}: {string.Join(", ", keys.Keys.Keys.Order(StringComparer.Ordinal))}";
    }

    private static string Trusting(int version, params ECDsa[] keys) => $"{version}: {string.Join(", ", keys.Select(KeyId.Of).Order(StringComparer.Ordinal))}";

    [Fact]
    public async Task A_rotation_from_the_collector_is_taken_before_the_check_and_a_release_signed_only_by_the_new_key_installs_in_the_same_run()
    {
        _collector.KeysEnvelope = Rotation(2, _retired, _next, _after);
        Offer("9.2.0", _next);

        var attempt = await Update();

        Assert.Equal(UpdateStatus.Installed, attempt.Status);
        Assert.Equal(Script("echo 9.2.0"), File.ReadAllBytes(_program.Current));
        Assert.Equal(Trusting(2, _next, _after), Trust());
        Assert.Equal(_collector.KeysEnvelope, File.ReadAllBytes(ReleaseTrust.RotationPath(State)));
        Assert.Null(UpdateStore.ReadReport(State));
        var request = Assert.Single(_collector.KeysRequests);
        Assert.Null(Signed.Verify(request, _collector.Url, _branchKey));
        Assert.Null(request.Header("If-None-Match"));
    }

    [Fact]
    public async Task After_the_rotation_a_release_signed_by_the_retired_key_is_refused_in_that_run_and_the_next()
    {
        _collector.KeysEnvelope = Rotation(2, _retired, _next);
        Offer("9.2.0", _retired);

        var first = await Update();
        var second = await Update();

        Assert.Equal(UpdateStatus.Refused, first.Status);
        Assert.StartsWith("UnknownKey:", first.Detail, StringComparison.Ordinal);
        Assert.Equal((UpdateStatus.Refused, first.Detail), (second.Status, second.Detail));
        Assert.Equal((UpdateOutcome.Refused, "9.2.0"), (UpdateStore.ReadReport(State)?.Outcome, UpdateStore.ReadReport(State)?.Version));
        Assert.Equal("the version in place", File.ReadAllText(_program.Current));
        Assert.Equal(Trusting(2, _next), Trust());
    }

    [Fact]
    public async Task A_rotation_signed_by_an_untrusted_key_is_refused_reported_once_and_the_current_keys_go_on()
    {
        _collector.KeysEnvelope = Rotation(2, _untrusted, _untrusted);
        Offer("9.2.0", _retired);

        var attempt = await Update();

        Assert.Equal(UpdateStatus.Installed, attempt.Status);
        Assert.Equal(Trusting(1, _retired), Trust());
        Assert.False(File.Exists(ReleaseTrust.RotationPath(State)));
        var report = UpdateStore.ReadReport(State);
        Assert.Equal((UpdateOutcome.Refused, "keys v2", Running), (report?.Outcome, report?.Version, report?.PreviousVersion));
        Assert.StartsWith("key list refused: UnknownKey: No signature is by a trusted key", report?.Detail, StringComparison.Ordinal);

        // The next run asks with the refused rotation's ETag, is told it is unchanged, and reports nothing new.
        File.Delete(Path.Combine(State, UpdateStore.ReportFileName));
        _collector.UpdateEnvelope = null;
        await Update();
        Assert.Equal(2, _collector.KeysRequests.Count);
        Assert.Equal(_collector.KeysRequests[1].Header("If-None-Match"), $"\"{Convert.ToHexStringLower(SHA256.HashData(_collector.KeysEnvelope))}\"");
        Assert.Null(UpdateStore.ReadReport(State));
    }

    /// <summary>Whether the older rotation still verifies (signed by a key of the one in force) or not (signed by the key retired since), it can change nothing.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_older_rotation_put_back_in_storage_is_ignored_and_not_reported(bool signedByAKeyInForce)
    {
        var older = Rotation(2, signedByAKeyInForce ? _after : _retired, _next);
        _collector.KeysEnvelope = Rotation(3, _retired, _after);
        await Update();
        Assert.Equal(Trusting(3, _after), Trust());

        _collector.KeysEnvelope = older;
        Offer("9.2.0", _after);
        var attempt = await Update();

        Assert.Equal(UpdateStatus.Installed, attempt.Status);
        Assert.Equal(Trusting(3, _after), Trust());
        Assert.Null(UpdateStore.ReadReport(State));
        Assert.NotNull(_collector.KeysRequests[1].Header("If-None-Match"));
    }

    [Fact]
    public async Task Rotations_follow_one_another_each_signed_by_a_key_of_the_one_before()
    {
        _collector.KeysEnvelope = Rotation(2, _retired, _next);
        await Update();
        _collector.KeysEnvelope = Rotation(3, _next, _after);
        Offer("9.2.0", _after);

        Assert.Equal(UpdateStatus.Installed, (await Update()).Status);
        Assert.Equal(Trusting(3, _after), Trust());
    }

    [Theory]
    [InlineData(500)]
    [InlineData(404)]
    public async Task A_collector_that_cannot_serve_the_rotation_never_stops_the_update_check(int status)
    {
        _collector.KeysStatus = status;
        Offer("9.2.0", _retired);

        var attempt = await Update();

        Assert.Equal(UpdateStatus.Installed, attempt.Status);
        Assert.Single(_collector.KeysRequests);
        Assert.Null(UpdateStore.ReadReport(State));
        Assert.False(File.Exists(Path.Combine(State, KeyListSeen.FileName)));
    }

    [Fact]
    public async Task An_unreachable_collector_for_the_rotation_is_the_same_as_for_the_update()
    {
        var attempt = await Update(collector: FakeCollector.NothingListening());

        Assert.Equal(UpdateStatus.Unreachable, attempt.Status);
        Assert.Null(UpdateStore.ReadReport(State));
    }

    [Fact]
    public async Task With_other_keys_in_force_a_rotation_seen_before_is_fetched_and_judged_again()
    {
        // Refused while probe.json trusts another key; once probe.json trusts its signer, the same rotation is taken.
        _collector.KeysEnvelope = Rotation(2, _next, _after);
        await Update();
        Assert.Equal(Trusting(1, _retired), Trust());

        await Update(Config with { ReleaseKeys = [PublicKeyInfo.Export(_next)] });

        Assert.Null(_collector.KeysRequests[1].Header("If-None-Match"));
        Assert.Equal(Trusting(2, _after), Trust());
    }
}
