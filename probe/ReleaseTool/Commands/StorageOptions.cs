using System.CommandLine;
using Azure.Storage.Blobs;
using MonitoramentoBKP.ReleaseTool.Signing;

namespace MonitoramentoBKP.ReleaseTool.Commands;

/// <summary>
/// Where a command uploads (upload, upload-keys): <c>--blob-service-url URL</c> with a Microsoft Entra credential
/// (<c>--credential</c>; the storage account allows no shared keys), or <c>--connection-string</c> (Azurite).
/// </summary>
public sealed class StorageOptions
{
    public Option<string?> ServiceUrl { get; } = new("--blob-service-url") { Description = "Blob service endpoint, such as https://<account>.blob.core.windows.net" };

    public Option<string?> ConnectionString { get; } = new("--connection-string") { Description = "Storage connection string (Azurite, for local tests)" };

    public Option<string?> Credential { get; } = SignerOptions.CredentialOption();

    public IEnumerable<Option> All => [ServiceUrl, ConnectionString, Credential];

    /// <summary>The Blob service named by exactly one of the two options; a usage refusal naming the option otherwise.</summary>
    public BlobServiceClient Create(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var url = parse.GetValue(ServiceUrl);
        var connectionString = parse.GetValue(ConnectionString);
        if ((url is null) == (connectionString is null))
        {
            throw ReleaseToolException.BadInput($"Give exactly one of {ServiceUrl.Name} URL (Azure, with a Microsoft Entra credential) or {ConnectionString.Name} (Azurite).");
        }

        if (connectionString is not null)
        {
            try
            {
                return new BlobServiceClient(connectionString);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                throw ReleaseToolException.BadInput($"{ConnectionString.Name}: not a storage connection string: {e.Message}");
            }
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps || endpoint.Query.Length > 0)
        {
            throw ReleaseToolException.BadInput($"{ServiceUrl.Name} {url}: expected the account's blob endpoint, https://<account>.blob.core.windows.net (no SAS: the account allows no shared keys).");
        }

        return new BlobServiceClient(endpoint, AzureCredentials.Create(parse.GetValue(Credential)));
    }
}
