using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Registry;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>
/// The registry in storage. Branch documents are table entities under their SHA-256 (partition <c>doc</c>), written
/// insert-if-absent and never changed: a point read each. The imported registry's text is a blob under its hash
/// (<c>sources/{hash}.json</c>; it outgrows an entity at a few thousand branches). The index (<c>index.json</c>:
/// the source's hash, and branch id → document hash) is one blob, written only with If-Match on the ETag read (or
/// If-None-Match: * for the first), which makes the switch atomic. Its last version is kept in memory and read again
/// with If-None-Match, so an unchanged index costs one request without a body, and a changed one is seen at once.
/// </summary>
public sealed class RegistryStore(TableClient table, BlobContainerClient container) : IRegistryStore
{
    public const string TableName = "registry";
    public const string ContainerName = "registry";
    public const string IndexBlob = "index.json";
    private const string DocumentPartition = "doc";

    /// <summary>Above this many missing documents, one scan of the partition beats a point read each.</summary>
    private const int PointReadsBeforeScan = 20;

    private volatile Cached? _index;

    private sealed record Cached(ETag ETag, StoredRegistryIndex Index);

    public async Task<StoredRegistryIndex?> GetIndexAsync(CancellationToken cancellationToken)
    {
        var known = _index;
        var blob = container.GetBlobClient(IndexBlob);
        Response<BlobDownloadStreamingResult> response;
        try
        {
            response = await blob.DownloadStreamingAsync(
                new BlobDownloadOptions { Conditions = known is null ? null : new BlobRequestConditions { IfNoneMatch = known.ETag } },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            _index = null;
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 304 && known is not null)
        {
            return known.Index;
        }

        if (response.GetRawResponse().Status == 304 && known is not null)
        {
            return known.Index;
        }

        using var result = response.Value;
        var index = ReadIndex(await BinaryData.FromStreamAsync(result.Content, cancellationToken).ConfigureAwait(false));
        var stored = new StoredRegistryIndex(index, result.Details.ETag.ToString());
        _index = new Cached(result.Details.ETag, stored);
        return stored;
    }

    public async Task<string?> GetDocumentAsync(string hash, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(DocumentPartition, hash, ["Json"], cancellationToken).ConfigureAwait(false);
        return found.HasValue ? found.Value!.GetString("Json") : null;
    }

    public async Task<IReadOnlyDictionary<string, string>> GetDocumentsAsync(IReadOnlyCollection<string> hashes, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (hashes.Count <= PointReadsBeforeScan)
        {
            foreach (var hash in hashes)
            {
                if (await GetDocumentAsync(hash, cancellationToken).ConfigureAwait(false) is { } json)
                {
                    found[hash] = json;
                }
            }

            return found;
        }

        var wanted = hashes.ToHashSet(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DocumentPartition}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey", "Json"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (wanted.Contains(entity.RowKey))
            {
                found[entity.RowKey] = entity.GetString("Json");
            }
        }

        return found;
    }

    public async Task AddDocumentsAsync(IReadOnlyList<RegistryDocument.BranchDocument> documents, CancellationToken cancellationToken)
    {
        foreach (var batch in Batches(documents))
        {
            await AddBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<string?> GetSourceAsync(string hash, CancellationToken cancellationToken)
    {
        try
        {
            var content = await container.GetBlobClient(SourceBlob(hash)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task AddSourceAsync(string hash, string json, CancellationToken cancellationToken)
    {
        try
        {
            await container.GetBlobClient(SourceBlob(hash)).UploadAsync(
                BinaryData.FromString(json),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Stored already: the same hash is the same text.
        }
    }

    public async Task<bool> TrySwitchAsync(RegistryIndex index, string? expectedVersion, CancellationToken cancellationToken)
    {
        var conditions = expectedVersion is null
            ? new BlobRequestConditions { IfNoneMatch = ETag.All }
            : new BlobRequestConditions { IfMatch = new ETag(expectedVersion) };
        try
        {
            var written = await container.GetBlobClient(IndexBlob).UploadAsync(
                WriteIndex(index),
                new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                cancellationToken).ConfigureAwait(false);
            _index = new Cached(written.Value.ETag, new StoredRegistryIndex(index, written.Value.ETag.ToString()));
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 409)
        {
            return false;
        }
    }

    /// <summary>Insert-if-absent for a batch: an entity group transaction of adds, less any that exist already (same hash, same content).</summary>
    private async Task AddBatchAsync(List<RegistryDocument.BranchDocument> batch, CancellationToken cancellationToken)
    {
        while (batch.Count > 0)
        {
            try
            {
                await table.SubmitTransactionAsync(
                    batch.Select(d => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(DocumentPartition, d.Hash) { ["Json"] = d.Json })),
                    cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex is { } failed && failed < batch.Count)
            {
                batch.RemoveAt(failed);
            }
        }
    }

    /// <summary>
    /// Batches within a transaction's limits: at most <see cref="IRegistryStore.MaxBatchEntities"/> entities, and a
    /// payload well under <see cref="IRegistryStore.MaxBatchBytes"/> counting 6 bytes a character (a JSON escape) plus
    /// the entity's envelope.
    /// </summary>
    private static IEnumerable<List<RegistryDocument.BranchDocument>> Batches(IReadOnlyList<RegistryDocument.BranchDocument> documents)
    {
        const long budget = IRegistryStore.MaxBatchBytes * 3L / 4;
        var batch = new List<RegistryDocument.BranchDocument>();
        long bytes = 0;
        foreach (var document in documents)
        {
            var size = (6L * document.Json.Length) + 1024;
            if (batch.Count > 0 && (batch.Count == IRegistryStore.MaxBatchEntities || bytes + size > budget))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }

            batch.Add(document);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private static string SourceBlob(string hash) => $"sources/{hash}.json";

    private static BinaryData WriteIndex(RegistryIndex index)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("source", index.SourceHash);
            json.WriteStartObject("branches");
            foreach (var (id, hash) in index.Branches.OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                json.WriteString(id, hash);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return new BinaryData(buffer.ToArray());
    }

    private static RegistryIndex ReadIndex(BinaryData data)
    {
        using var document = JsonDocument.Parse(data.ToMemory());
        var root = document.RootElement;
        var branches = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var branch in root.GetProperty("branches").EnumerateObject())
        {
            branches[branch.Name] = branch.Value.GetString()!;
        }

        return new RegistryIndex(root.GetProperty("source").GetString()!, branches);
    }
}
