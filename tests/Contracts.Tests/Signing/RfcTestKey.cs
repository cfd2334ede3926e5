using System.Security.Cryptography;

namespace MonitoramentoBKP.Contracts.Tests.Signing;

/// <summary>
/// The key "test-key-ecc-p256" of RFC 9421 Appendix B.1.3, as the RFC prints it (SEC1 private key and
/// SubjectPublicKeyInfo public key, PEM), with its public coordinates as base64url (read off the same point).
/// </summary>
internal static class RfcTestKey
{
    public const string PrivateKeyPem = """
        -----BEGIN EC PRIVATE KEY-----
        MHcCAQEEIFKbhfNZfpDsW43+0+JjUr9K+bTeuxopu653+hBaXGA7oAoGCCqGSM49
        AwEHoUQDQgAEqIVYZVLCrPZHGHjP17CTW0/+D9Lfw0EkjqF7xB4FivAxzic30tMM
        4GF+hR6Dxh71Z50VGGdldkkDXZCnTNnoXQ==
        -----END EC PRIVATE KEY-----
        """;

    public const string PublicKeyPem = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEqIVYZVLCrPZHGHjP17CTW0/+D9Lf
        w0EkjqF7xB4FivAxzic30tMM4GF+hR6Dxh71Z50VGGdldkkDXZCnTNnoXQ==
        -----END PUBLIC KEY-----
        """;

    /// <summary>The SubjectPublicKeyInfo of <see cref="PublicKeyPem"/> without the PEM armour.</summary>
    public const string PublicKeyBase64 = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEqIVYZVLCrPZHGHjP17CTW0/+D9Lfw0EkjqF7xB4FivAxzic30tMM4GF+hR6Dxh71Z50VGGdldkkDXZCnTNnoXQ==";

    public const string X = "qIVYZVLCrPZHGHjP17CTW0_-D9Lfw0EkjqF7xB4FivA";

    public const string Y = "Mc4nN9LTDOBhfoUeg8Ye9WedFRhnZXZJA12Qp0zZ6F0";

    public static ECDsa Private()
    {
        var key = ECDsa.Create();
        key.ImportFromPem(PrivateKeyPem);
        return key;
    }

    public static ECDsa Public()
    {
        var key = ECDsa.Create();
        key.ImportFromPem(PublicKeyPem);
        return key;
    }
}
