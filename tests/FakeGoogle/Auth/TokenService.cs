using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace MonitoramentoBKP.FakeGoogle.Auth;

/// <summary>
/// Google's OAuth token endpoint for service accounts (the JWT bearer grant, RFC 7523), and the register of the
/// access tokens it issued. Refusals use the OAuth error shape Google's endpoint uses: {"error","error_description"}.
/// </summary>
internal sealed class TokenService(ServiceAccount account, Uri tokenUri, TimeProvider time)
{
    public const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    // Google's endpoint wants its own URL as the audience, and Google.Apis.Auth 1.78 always names it whatever
    // token URL it posts to; a client that names the key's token_uri (the fake's URL here) is right as well.
    public const string GoogleTokenUrl = "https://oauth2.googleapis.com/token";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    // Google tolerates a few minutes of clock skew between the signer and itself.
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, IssuedToken> issued = new(StringComparer.Ordinal);
    private int grants;

    public int Grants => Volatile.Read(ref grants);

    public ApiResponse Grant(string httpMethod, string? contentType, string body)
    {
        if (!HttpMethods.IsPost(httpMethod))
        {
            return OAuthError(405, "invalid_request", "The token endpoint only accepts POST.");
        }
        if (contentType is null || !contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return OAuthError(400, "invalid_request", "The request body must be application/x-www-form-urlencoded.");
        }
        var form = QueryHelpers.ParseQuery(body);
        var grantType = form.TryGetValue("grant_type", out var g) ? g.ToString() : null;
        if (grantType is null)
        {
            return OAuthError(400, "invalid_request", "Missing required parameter: grant_type");
        }
        if (grantType != JwtBearerGrant)
        {
            return OAuthError(400, "unsupported_grant_type", $"Invalid grant_type: {grantType}");
        }
        if (!form.TryGetValue("assertion", out var assertion) || string.IsNullOrEmpty(assertion))
        {
            return OAuthError(400, "invalid_request", "Missing required parameter: assertion");
        }
        var refusal = Verify(assertion.ToString(), out var scopes);
        if (refusal is not null)
        {
            return refusal;
        }
        var token = "ya29.fake-" + Base64Url(RandomNumberGenerator.GetBytes(32));
        issued[token] = new IssuedToken(time.GetUtcNow() + Lifetime, scopes);
        Interlocked.Increment(ref grants);
        return ApiResponse.Ok(new JsonObject
        {
            ["access_token"] = token,
            ["expires_in"] = (int)Lifetime.TotalSeconds,
            ["token_type"] = "Bearer",
        });
    }

    /// <summary>The scopes of a live token, or null when the token was never issued, was revoked or has expired.</summary>
    public IReadOnlyList<string>? ScopesOf(string token) =>
        issued.TryGetValue(token, out var found) && found.ExpiresAt > time.GetUtcNow() ? found.Scopes : null;

    public void RevokeAll() => issued.Clear();

    private ApiResponse? Verify(string assertion, out IReadOnlyList<string> scopes)
    {
        scopes = [];
        var parts = assertion.Split('.');
        if (parts.Length != 3)
        {
            return InvalidGrant("Invalid JWT: the assertion is not header.payload.signature.");
        }
        JsonObject header, claims;
        byte[] signature;
        try
        {
            header = JsonNode.Parse(Base64UrlDecode(parts[0]))!.AsObject();
            claims = JsonNode.Parse(Base64UrlDecode(parts[1]))!.AsObject();
            signature = Base64UrlDecode(parts[2]);
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            return InvalidGrant("Invalid JWT: the assertion could not be decoded.");
        }
        if (header.OptionalString("alg") != "RS256")
        {
            return InvalidGrant("Invalid JWT Signature.");
        }
        if (header.OptionalString("kid") is { } kid && kid != account.KeyId)
        {
            return InvalidGrant("Invalid JWT Signature.");
        }
        var signed = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
        if (!account.Key.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return InvalidGrant("Invalid JWT Signature.");
        }
        if (claims.OptionalString("iss") != account.ClientEmail)
        {
            return InvalidGrant("Invalid grant: account not found");
        }
        var audience = claims.OptionalString("aud");
        if (audience != tokenUri.ToString() && audience != GoogleTokenUrl)
        {
            return InvalidGrant($"Invalid JWT: Failed audience check. The audience must be {GoogleTokenUrl} or {tokenUri}, the JWT names {claims["aud"]?.ToJsonString() ?? "none"}.");
        }
        if (claims.OptionalString("sub") is { } subject && subject != account.ClientEmail)
        {
            // Acting as a user needs domain-wide delegation, which the collector's account does not have.
            return OAuthError(401, "unauthorized_client", "Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.");
        }
        if (!TryEpoch(claims, "iat", out var issuedAt) || !TryEpoch(claims, "exp", out var expires))
        {
            return InvalidGrant("Invalid JWT: iat and exp are required.");
        }
        var now = time.GetUtcNow();
        if (expires <= now || issuedAt > now + Skew || expires - issuedAt > Lifetime || expires < issuedAt)
        {
            return InvalidGrant("Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.");
        }
        var scope = claims.OptionalString("scope");
        if (string.IsNullOrWhiteSpace(scope))
        {
            return OAuthError(400, "invalid_scope", "Invalid OAuth scope or ID token audience provided.");
        }
        scopes = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return null;
    }

    private static bool TryEpoch(JsonObject claims, string name, out DateTimeOffset value)
    {
        value = default;
        if (claims[name] is not JsonValue number || number.GetValueKind() != JsonValueKind.Number || !number.TryGetValue<long>(out var seconds))
        {
            return false;
        }
        value = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    private static ApiResponse InvalidGrant(string description) => OAuthError(400, "invalid_grant", description);

    private static ApiResponse OAuthError(int status, string error, string description) =>
        ApiResponse.Ok(new JsonObject { ["error"] = error, ["error_description"] = description }) with { Status = status };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }

    private sealed record IssuedToken(DateTimeOffset ExpiresAt, IReadOnlyList<string> Scopes);
}
