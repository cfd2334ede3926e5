using System.Security.Cryptography;
using System.Text;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.Contracts.Tests.Signing;

public sealed class KeyIdTests
{
    // RFC 7638 section 3: the JWK of the RFC 9421 test key with only its required members, in lexicographic order,
    // no whitespace, written out by hand from the key's coordinates.
    private const string RfcKeyJwk =
        "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"qIVYZVLCrPZHGHjP17CTW0_-D9Lfw0EkjqF7xB4FivA\",\"y\":\"Mc4nN9LTDOBhfoUeg8Ye9WedFRhnZXZJA12Qp0zZ6F0\"}";

    // SHA-256 of RfcKeyJwk in base64url, computed outside .NET (openssl dgst -sha256 -binary | base64, made url-safe).
    private const string RfcKeyThumbprint = "ydQXMtvbsOsZyFir-Y7A8t7fKEM1gbKPvyFkdpu4fvI";

    [Fact]
    public void The_key_id_is_the_sha256_of_the_hand_written_jwk_in_base64url()
    {
        var byHand = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(RfcKeyJwk))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using var key = RfcTestKey.Public();

        Assert.Equal(RfcKeyThumbprint, byHand);
        Assert.Equal(RfcKeyThumbprint, KeyId.Of(key));
        Assert.True(KeyId.IsWellFormed(KeyId.Of(key)));
    }

    [Fact]
    public void The_private_and_public_halves_and_their_parameters_give_the_same_key_id()
    {
        using var privateKey = RfcTestKey.Private();

        Assert.Equal(RfcKeyThumbprint, KeyId.Of(privateKey));
        Assert.Equal(RfcKeyThumbprint, KeyId.Of(privateKey.ExportParameters(includePrivateParameters: true)));
    }

    [Fact]
    public void Different_keys_have_different_key_ids()
    {
        using var one = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.NotEqual(KeyId.Of(one), KeyId.Of(other));
    }

    [Fact]
    public void A_key_on_another_curve_is_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        var error = Assert.Throws<ArgumentException>(() => KeyId.Of(p384));
        Assert.StartsWith("The key is on", error.Message, StringComparison.Ordinal);
        Assert.Contains("only P-256 keys are accepted", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RfcKeyThumbprint, true)]
    [InlineData("ydQXMtvbsOsZyFir-Y7A8t7fKEM1gbKPvyFkdpu4fv", false)]
    [InlineData("ydQXMtvbsOsZyFir-Y7A8t7fKEM1gbKPvyFkdpu4fvI=", false)]
    [InlineData("ydQXMtvbsOsZyFir+Y7A8t7fKEM1gbKPvyFkdpu4fvI", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_well_formed_key_id_is_43_base64url_characters(string? keyId, bool wellFormed)
    {
        Assert.Equal(wellFormed, KeyId.IsWellFormed(keyId));
    }
}
