using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MonitoramentoBKP.FakeGoogle.Tests.Support;

/// <summary>Signs service-account assertions by hand, so tests can send the token endpoint exactly what they mean to.</summary>
internal static class Jwt
{
    public const string SheetsScope = "https://www.googleapis.com/auth/spreadsheets";

    public static JsonObject Claims(FakeGoogleServer server, string scope = SheetsScope, DateTimeOffset? issuedAt = null)
    {
        var iat = issuedAt ?? DateTimeOffset.UtcNow;
        return new JsonObject
        {
            ["iss"] = server.ServiceAccountEmail,
            ["aud"] = server.TokenUri.ToString(),
            ["scope"] = scope,
            ["iat"] = iat.ToUnixTimeSeconds(),
            ["exp"] = iat.AddHours(1).ToUnixTimeSeconds(),
        };
    }

    /// <summary>An RS256 JWT of <paramref name="claims"/> signed with the key of the fake's service account, or with <paramref name="otherKey"/>.</summary>
    public static string Sign(FakeGoogleServer server, JsonObject claims, RSA? otherKey = null)
    {
        var keyJson = JsonNode.Parse(server.ServiceAccountKeyJson)!;
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = keyJson["private_key_id"]!.GetValue<string>() };
        var signingInput = $"{Encode(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{Encode(Encoding.UTF8.GetBytes(claims.ToJsonString()))}";
        using var ownKey = RSA.Create();
        ownKey.ImportFromPem(keyJson["private_key"]!.GetValue<string>());
        var signature = (otherKey ?? ownKey).SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Encode(signature)}";
    }

    public static Task<HttpResponseMessage> ExchangeAsync(HttpClient http, FakeGoogleServer server, string assertion) =>
        http.PostAsync(server.TokenUri, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
            ["assertion"] = assertion,
        }));

    public static async Task<string> TokenAsync(HttpClient http, FakeGoogleServer server, string scope = SheetsScope)
    {
        using var response = await ExchangeAsync(http, server, Sign(server, Claims(server, scope)));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
