using System.Security.Cryptography;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.Contracts.Tests.Signing;

public sealed class PublicKeyInfoTests
{
    [Fact]
    public void A_key_exported_and_imported_is_the_same_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.True(PublicKeyInfo.TryImport(PublicKeyInfo.Export(key), out var imported, out var reason), reason);
        using (imported)
        {
            Assert.Equal(KeyId.Of(key), KeyId.Of(imported));
            var data = "manifest"u8.ToArray();
            Assert.True(imported.VerifyData(data, key.SignData(data, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256));
        }
    }

    [Fact]
    public void The_rfc_test_keys_subject_public_key_info_imports()
    {
        Assert.True(PublicKeyInfo.TryImport(RfcTestKey.PublicKeyBase64, out var key, out var reason), reason);
        using (key)
        {
            Assert.Equal("ydQXMtvbsOsZyFir-Y7A8t7fKEM1gbKPvyFkdpu4fvI", KeyId.Of(key));
        }
    }

    [Fact]
    public void Exporting_a_key_on_another_curve_is_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Throws<ArgumentException>(() => PublicKeyInfo.Export(p384));
    }

    [Fact]
    public void A_p384_key_is_refused_naming_its_curve()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.False(PublicKeyInfo.TryImport(Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo()), out var key, out var reason));
        Assert.Null(key);
        Assert.StartsWith("The public key is on ", reason, StringComparison.Ordinal);
        Assert.EndsWith("; only P-256 keys are accepted.", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_rsa_key_is_refused()
    {
        using var rsa = RSA.Create(2048);

        Assert.False(PublicKeyInfo.TryImport(Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo()), out _, out var reason));
        Assert.Equal("The public key is not an EC public key in SubjectPublicKeyInfo form.", reason);
    }

    [Fact]
    public void Bytes_after_the_key_are_refused()
    {
        var der = Convert.FromBase64String(RfcTestKey.PublicKeyBase64).Concat(new byte[] { 0, 0, 0 }).ToArray();

        Assert.False(PublicKeyInfo.TryImport(Convert.ToBase64String(der), out _, out var reason));
        Assert.Equal("The public key has 3 bytes after its SubjectPublicKeyInfo.", reason);
    }

    [Fact]
    public void A_point_off_the_curve_is_refused()
    {
        var der = Convert.FromBase64String(RfcTestKey.PublicKeyBase64);
        der[^1] ^= 1;

        Assert.False(PublicKeyInfo.TryImport(Convert.ToBase64String(der), out _, out var reason));
        Assert.Equal("The public key is not an EC public key in SubjectPublicKeyInfo form.", reason);
    }

    [Theory]
    [InlineData(null, "The public key is missing.")]
    [InlineData("", "The public key is missing.")]
    [InlineData("MFkw EwYH", "The public key is not valid base64 (standard alphabet, padded, no whitespace).")]
    [InlineData("MFkwEwYHKoZIzj0CAQ", "The public key is not valid base64 (standard alphabet, padded, no whitespace).")]
    [InlineData("MFkwEwYH_oZIzj0C", "The public key is not valid base64 (standard alphabet, padded, no whitespace).")]
    [InlineData("AAAA", "The public key is not an EC public key in SubjectPublicKeyInfo form.")]
    public void Input_that_is_not_a_key_is_refused_saying_why(string? base64, string expected)
    {
        Assert.False(PublicKeyInfo.TryImport(base64, out var key, out var reason));
        Assert.Null(key);
        Assert.Equal(expected, reason);
    }

    [Fact]
    public void Over_long_input_is_refused_before_it_is_decoded()
    {
        var base64 = new string('A', 516);

        Assert.False(PublicKeyInfo.TryImport(base64, out _, out var reason));
        Assert.Equal("The public key is 516 characters long; a P-256 SubjectPublicKeyInfo in base64 is at most 512.", reason);
    }
}
