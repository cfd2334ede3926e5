using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace MonitoramentoBKP.FakeGoogle.Auth;

/// <summary>
/// The service account the collector signs in as: an RSA 2048 key made when the first fake of the process starts, and the JSON key file
/// Google would hand out for it, pointing at the fake's token endpoint.
/// </summary>
internal sealed class ServiceAccount
{
    public const string ProjectId = "fake-project";

    // Making an RSA 2048 key takes up to a second or two on a small machine; one key per process keeps a test
    // suite that starts a fake per test fast. Each fake still has its own key id, which its token endpoint checks.
    private static readonly Lazy<RSA> SharedKey = new(() => RSA.Create(2048));

    public ServiceAccount()
    {
        Key = SharedKey.Value;
        KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        ClientId = string.Concat(Enumerable.Range(0, 21).Select(i => i == 0 ? '1' : (char)('0' + RandomNumberGenerator.GetInt32(10))));
    }

    public RSA Key { get; }

    /// <summary>private_key_id: the kid a JWT signed with this key carries.</summary>
    public string KeyId { get; }

    public string ClientEmail => $"collector@{ProjectId}.iam.gserviceaccount.com";

    public string ClientId { get; }

    public string KeyJson(Uri tokenUri) => new JsonObject
    {
        ["type"] = "service_account",
        ["project_id"] = ProjectId,
        ["private_key_id"] = KeyId,
        ["private_key"] = Key.ExportPkcs8PrivateKeyPem() + "\n",
        ["client_email"] = ClientEmail,
        ["client_id"] = ClientId,
        ["auth_uri"] = "https://accounts.google.com/o/oauth2/auth",
        ["token_uri"] = tokenUri.ToString(),
        ["auth_provider_x509_cert_url"] = "https://www.googleapis.com/oauth2/v1/certs",
        ["client_x509_cert_url"] = $"https://www.googleapis.com/robot/v1/metadata/x509/{Uri.EscapeDataString(ClientEmail)}",
        ["universe_domain"] = "googleapis.com",
    }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
}
