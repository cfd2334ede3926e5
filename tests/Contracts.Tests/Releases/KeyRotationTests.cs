using System.Security.Cryptography;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Contracts.Signing;
using static MonitoramentoBKP.Contracts.Tests.Releases.TestReleases;

namespace MonitoramentoBKP.Contracts.Tests.Releases;

/// <summary>A rotation of the release keys: trusted only when a trusted key signed it, newer than the keys in use, and naming real P-256 keys.</summary>
public sealed class KeyRotationTests : IDisposable
{
    private readonly ECDsa _retired = NewKey();
    private readonly ECDsa _next = NewKey();
    private readonly ECDsa _stranger = NewKey();

    public void Dispose()
    {
        _retired.Dispose();
        _next.Dispose();
        _stranger.Dispose();
    }

    [Fact]
    public void A_rotation_signed_by_a_trusted_key_is_accepted_then_the_new_key_signs_releases_and_the_retired_one_no_longer_does()
    {
        var rotation = ReleaseVerifier.VerifyKeyRotation(Envelope(Signed(Rotation(2, _next)), _retired), Trust(_retired), currentVersion: 1);
        Assert.True(rotation.Accepted, rotation.Refusal?.ToString());
        Assert.True(ReleaseKeyRing.TryCreate(rotation.Document!, out var ring, out var problem), problem);

        using (ring)
        {
            Assert.Equal(2, ring.Version);
            var byNew = ReleaseVerifier.VerifyRelease(Envelope(Document("1.6.0"), _next), ring.Keys, "stable", "linux-x64", ReleaseVersion.Parse("1.5.0"), Now);
            var byRetired = ReleaseVerifier.VerifyRelease(Envelope(Document("1.6.0"), _retired), ring.Keys, "stable", "linux-x64", ReleaseVersion.Parse("1.5.0"), Now);

            Assert.True(byNew.Accepted, byNew.Refusal?.ToString());
            Assert.Equal(ReleaseRefusalKind.UnknownKey, byRetired.Refusal?.Kind);
        }
    }

    [Fact]
    public void A_rotation_signed_by_an_untrusted_key_is_refused()
    {
        var check = ReleaseVerifier.VerifyKeyRotation(Envelope(Signed(Rotation(2, _stranger)), _stranger), Trust(_retired), 1);
        Assert.Equal(ReleaseRefusalKind.UnknownKey, check.Refusal?.Kind);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    public void A_rotation_not_newer_than_the_key_list_in_use_is_refused(int version)
    {
        var check = ReleaseVerifier.VerifyKeyRotation(Envelope(Signed(Rotation(version, _next)), _retired), Trust(_retired), currentVersion: 2);
        Assert.Equal(ReleaseRefusalKind.NotNewer, check.Refusal?.Kind);
    }

    [Fact]
    public void A_rotation_whose_key_id_is_not_its_keys_thumbprint_is_refused()
    {
        var lying = Rotation(2, _next) with { Keys = [new TrustedKey { KeyId = KeyId.Of(_stranger), PublicKey = PublicKeyInfo.Export(_next) }] };
        var check = ReleaseVerifier.VerifyKeyRotation(Envelope(Signed(lying), _retired), Trust(_retired), 1);
        Assert.Equal(ReleaseRefusalKind.BadKeyEntry, check.Refusal?.Kind);
    }

    [Fact]
    public void A_rotation_to_no_key_or_to_a_key_on_another_curve_is_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var empty = Rotation(2) with { Keys = [] };
        var otherCurve = Rotation(2) with { Keys = [new TrustedKey { KeyId = KeyId.Of(_next), PublicKey = Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo()) }] };

        Assert.Equal(ReleaseRefusalKind.BadKeyEntry, ReleaseVerifier.VerifyKeyRotation(Envelope(Signed(empty), _retired), Trust(_retired), 1).Refusal?.Kind);
        Assert.Equal(ReleaseRefusalKind.BadKeyEntry, ReleaseVerifier.VerifyKeyRotation(Envelope(Signed(otherCurve), _retired), Trust(_retired), 1).Refusal?.Kind);
    }

    [Fact]
    public void A_release_offered_as_a_rotation_is_refused_as_the_wrong_type()
    {
        var check = ReleaseVerifier.VerifyKeyRotation(Envelope(Document(), _retired), Trust(_retired), 1);
        Assert.Equal(ReleaseRefusalKind.WrongType, check.Refusal?.Kind);
    }
}
