using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using MonitoramentoBKP.Collector.Ports;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>
/// Per-branch registry documents in a table (a point read per manifest), and the whole imported registry as one
/// blob (it outgrows a table entity at a few thousand branches).
/// </summary>
public sealed class RegistryStore(TableClient table, BlobContainerClient container) : IRegistryStore
{
    public const string TableName = "registry";
    public const string ContainerName = "registry";
    private const string Partition = "branch";
    private const string RegistryBlob = "registry.json";

    public async Task<IReadOnlyDictionary<string, (string Json, string Hash)>> ListAsync(CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            all[e.GetString("BranchId")] = (e.GetString("Json"), e.GetString("Hash"));
        }

        return all;
    }

    public async Task<string?> GetAsync(string branchId, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, branchId.ToUpperInvariant(), cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue ? found.Value!.GetString("Json") : null;
    }

    public Task PutAsync(string branchId, string json, string hash, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(new TableEntity(Partition, branchId.ToUpperInvariant()) { ["BranchId"] = branchId, ["Json"] = json, ["Hash"] = hash }, TableUpdateMode.Replace, cancellationToken);

    public async Task<string?> GetRegistryAsync(CancellationToken cancellationToken)
    {
        try
        {
            var content = await container.GetBlobClient(RegistryBlob).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public Task PutRegistryAsync(string json, CancellationToken cancellationToken) =>
        container.GetBlobClient(RegistryBlob).UploadAsync(BinaryData.FromString(json), overwrite: true, cancellationToken);
}
