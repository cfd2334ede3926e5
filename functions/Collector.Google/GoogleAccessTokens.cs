using System.Text.Json;
using Google.Apis.Auth.OAuth2;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Google;

/// <summary>
/// Access tokens for the service account, from Google.Apis.Auth: a signed JWT exchanged at the key's token_uri,
/// cached by the credential until shortly before it expires. The key is read on first use, so a bad key (or a Key
/// Vault reference that did not resolve) is a delivery problem shown in the status, not an app that will not start.
/// </summary>
public sealed class GoogleAccessTokens(GoogleSheetOptions options)
{
    public const string SpreadsheetsScope = "https://www.googleapis.com/auth/spreadsheets";

    private readonly Lazy<(ServiceAccountCredential? Credential, string? Email, string? Problem)> key = new(() => Load(options.ServiceAccountKeyJson));

    /// <summary>The account the spreadsheet must be shared with (named in permission errors).</summary>
    public string ClientEmail => key.Value.Email ?? "(no valid service account key)";

    public Task<string> GetAsync(CancellationToken cancellationToken) => Credential.GetAccessTokenForRequestAsync(cancellationToken: cancellationToken);

    /// <summary>Replaces the cached token (after Google answered 401 to it: revoked or expired early).</summary>
    public Task RefreshAsync(CancellationToken cancellationToken) => Credential.RequestAccessTokenAsync(cancellationToken);

    private ServiceAccountCredential Credential => key.Value.Credential ?? throw new SheetDeliveryException(key.Value.Problem!, permanent: true);

    private static (ServiceAccountCredential?, string?, string?) Load(string json)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException e)
        {
            return (null, null, $"GoogleServiceAccountKey is not JSON ({e.Message}); set it to the service account's key file as downloaded (in Azure, check that its Key Vault reference resolves).");
        }

        string? Text(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

        if (Text("type") != "service_account")
        {
            return (null, null, $"GoogleServiceAccountKey is not a service account key (\"type\" is \"{Text("type")}\", not \"service_account\").");
        }

        var missing = new[] { "client_email", "private_key" }.FirstOrDefault(n => Text(n) is null);
        if (missing is not null)
        {
            return (null, null, $"GoogleServiceAccountKey has no \"{missing}\"; download the key again.");
        }

        try
        {
            var initializer = new ServiceAccountCredential.Initializer(Text("client_email"), Text("token_uri") ?? GoogleAuthConsts.OidcTokenUrl)
            {
                Scopes = [SpreadsheetsScope],
                KeyId = Text("private_key_id"),
            }.FromPrivateKey(Text("private_key"));
            return (new ServiceAccountCredential(initializer), Text("client_email"), null);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or System.Security.Cryptography.CryptographicException)
        {
            return (null, Text("client_email"), $"GoogleServiceAccountKey's private_key cannot be read ({e.Message}); download the key again.");
        }
    }
}
