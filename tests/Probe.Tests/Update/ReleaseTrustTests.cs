using System.Security.Cryptography;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.Contracts.Tests.Releases;
using MonitoramentoBKP.Probe.Tests.Support;
using MonitoramentoBKP.Probe.Update;

namespace MonitoramentoBKP.Probe.Tests.Update;

/// <summary>Which release keys the probe trusts: none built into the public sources, probe.json's instead, an accepted rotation over both.</summary>
public sealed class ReleaseTrustTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly ECDsa _configured = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _next = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        _configured.Dispose();
        _next.Dispose();
        _tree.Dispose();
    }

    private MonitoramentoBKP.Probe.Configuration.ProbeConfig Config(bool withKeys = true) =>
        Probes.Config(_tree.Folder("state")) with { ReleaseKeys = withKeys ? [PublicKeyInfo.Export(_configured)] : null };

    [Fact]
    public void The_public_build_trusts_no_key_so_its_updates_are_off()
    {
        using var keys = ReleaseTrust.Load(Config(withKeys: false), out var source);
        Assert.True(keys.IsEmpty);
        Assert.Equal("built in", source);
    }

    [Fact]
    public void Release_keys_in_probe_json_replace_the_built_in_ones()
    {
        using var keys = ReleaseTrust.Load(Config(), out var source);
        Assert.Equal([KeyId.Of(_configured)], keys.Keys.Keys);
        Assert.EndsWith("releaseKeys", source, StringComparison.Ordinal);
    }

    [Fact]
    public void An_accepted_rotation_is_kept_and_replaces_the_configured_keys_from_then_on()
    {
        var config = Config();
        using (var current = ReleaseTrust.Load(config, out _))
        {
            var check = ReleaseTrust.AcceptRotation(config.StateDirectory, current, TestReleases.Envelope(TestReleases.Signed(TestReleases.Rotation(2, _next)), _configured));
            Assert.True(check.Accepted, check.Refusal?.ToString());
        }

        using var rotated = ReleaseTrust.Load(config, out var source);
        Assert.Equal(2, rotated.Version);
        Assert.Equal([KeyId.Of(_next)], rotated.Keys.Keys);
        Assert.StartsWith("rotation 2", source, StringComparison.Ordinal);
        var byRetired = ReleaseVerifier.VerifyRelease(TestReleases.Envelope(TestReleases.Document(), _configured), rotated.Keys, "stable", "linux-x64", null, TestReleases.Now);
        Assert.Equal(ReleaseRefusalKind.UnknownKey, byRetired.Refusal?.Kind);
    }

    [Fact]
    public void A_refused_rotation_is_not_kept()
    {
        var config = Config();
        using var current = ReleaseTrust.Load(config, out _);

        var check = ReleaseTrust.AcceptRotation(config.StateDirectory, current, TestReleases.Envelope(TestReleases.Signed(TestReleases.Rotation(2, _next)), _next));

        Assert.Equal(ReleaseRefusalKind.UnknownKey, check.Refusal?.Kind);
        Assert.False(File.Exists(ReleaseTrust.RotationPath(config.StateDirectory)));
    }
}
