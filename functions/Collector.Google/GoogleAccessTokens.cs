using System.Text.Json;
using Google.Apis.Auth.OAuth2;

namespace MonitoramentoBKP.Collector.Google;

/// <summary>
/// Access tokens for the service account, from Google.Apis.Auth: a signed JWT exchanged at the key's token_uri,
/// cached by the credential until shortly before it expires.
/// </summary>
public sealed class GoogleAccessTokens
{
    public const string SpreadsheetsScope = "https://www.googleapis.com/auth/spreadsheets";

    private readonly ServiceAccountCredential credential;

    public GoogleAccessTokens(GoogleSheetOptions options)
    {
        var key = Parse(options.ServiceAccountKeyJson);
        var initializer = new ServiceAccountCredential.Initializer(key.ClientEmail, key.TokenUri)
        {
            Scopes = [SpreadsheetsScope],
            KeyId = key.PrivateKeyId,
        }.FromPrivateKey(key.PrivateKey);
        credential = new ServiceAccountCredential(initializer);
        ClientEmail = key.ClientEmail;
    }

    /// <summary>The account the spreadsheet must be shared with (named in permission errors).</summary>
    public string ClientEmail { get; }

    public Task<string> GetAsync(CancellationToken cancellationToken) => credential.GetAccessTokenForRequestAsync(cancellationToken: cancellationToken);

    /// <summary>Replaces the cached token (after Google answered 401 to it: revoked or expired early).</summary>
    public Task RefreshAsync(CancellationToken cancellationToken) => credential.RequestAccessTokenAsync(cancellationToken);

    private static (string ClientEmail, string PrivateKey, string? PrivateKeyId, string TokenUri) Parse(string json)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"GoogleServiceAccountKey is not JSON ({e.Message}); paste the service account's key file as downloaded.", e);
        }

        string Need(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? s
            : throw new InvalidOperationException($"GoogleServiceAccountKey has no \"{name}\"; is it a service account key (\"type\": \"service_account\")?");

        if (Need("type") != "service_account")
        {
            throw new InvalidOperationException($"GoogleServiceAccountKey is of type \"{root.GetProperty("type").GetString()}\"; the collector needs a service account key.");
        }

        var tokenUri = root.TryGetProperty("token_uri", out var t) && t.GetString() is { Length: > 0 } uri ? uri : GoogleAuthConsts.OidcTokenUrl;
        return (Need("client_email"), Need("private_key"), root.TryGetProperty("private_key_id", out var id) ? id.GetString() : null, tokenUri);
    }
}
