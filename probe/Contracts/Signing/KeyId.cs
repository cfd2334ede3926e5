using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MonitoramentoBKP.Contracts.Signing;

/// <summary>
/// The "keyid" of a probe's signing key: the RFC 7638 JWK thumbprint of its P-256 public key (SHA-256 over the
/// JWK's required members in lexicographic order with no whitespace, base64url without padding). Both sides compute
/// it from the key itself, so the collector can check that the key enrolled for a branch is the one a request
/// names, and nobody has to keep a separate name in step with the key.
/// </summary>
public static class KeyId
{
    /// <summary>A SHA-256 thumbprint in base64url without padding is 43 characters.</summary>
    public const int Length = 43;

    public static string Of(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Of(key.ExportParameters(includePrivateParameters: false));
    }

    /// <summary>The thumbprint of the public part of <paramref name="parameters"/>; private members are ignored.</summary>
    public static string Of(ECParameters parameters)
    {
        P256.Require(parameters, nameof(parameters));

        // RFC 7638 section 3.2: for "EC" the required members are crv, kty, x and y, in this order.
        var jwk = $$"""{"crv":"P-256","kty":"EC","x":"{{Base64Url.EncodeToString(parameters.Q.X)}}","y":"{{Base64Url.EncodeToString(parameters.Q.Y)}}"}""";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(jwk)));
    }

    /// <summary>Whether <paramref name="keyId"/> has the shape of a thumbprint: 43 base64url characters.</summary>
    public static bool IsWellFormed(string? keyId) =>
        keyId is { Length: Length } && keyId.AsSpan().IndexOfAnyExcept(Base64UrlChars) < 0;

    internal static readonly System.Buffers.SearchValues<char> Base64UrlChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}
