using MonitoramentoBKP.Collector.Registry;

namespace MonitoramentoBKP.Collector.Ports;

/// <summary>
/// Where the registry is kept: immutable, content-addressed pieces (one document per branch, stored under its
/// SHA-256; the imported registry's text, under its own) and one small index naming the pieces of the current
/// registry. Pieces are written before the index names them, so readers never see them early; writing the index,
/// conditional on the version that was read, is the one switch from one registry to the next.
/// </summary>
public interface IRegistryStore
{
    /// <summary>
    /// The longest branch document, in UTF-16 characters: a document is one string property of a Table Storage
    /// entity, and "String values can be up to 64 KiB in size" (UTF-16, 2 bytes a character) —
    /// https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model#property-types.
    /// An entity as a whole may hold 1 MiB, its PartitionKey and RowKey 1 KiB each, and 252 properties of its own
    /// (https://learn.microsoft.com/azure/storage/tables/scalability-targets); one property and a 64-character
    /// key stay far inside those.
    /// </summary>
    const int MaxDocumentChars = 64 * 1024 / 2;

    /// <summary>
    /// "A transaction can include at most 100 entities, and its total payload may be no more than 4 MiB in size"
    /// (https://learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions).
    /// </summary>
    const int MaxBatchEntities = 100;

    const int MaxBatchBytes = 4 * 1024 * 1024;

    /// <summary>The current index and its version, as of this call (never older than the last switch); null before the first import.</summary>
    Task<StoredRegistryIndex?> GetIndexAsync(CancellationToken cancellationToken);

    /// <summary>One branch document by its hash; null when there is none.</summary>
    Task<string?> GetDocumentAsync(string hash, CancellationToken cancellationToken);

    /// <summary>Many branch documents by hash (listing every branch), in few requests; absent ones are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> GetDocumentsAsync(IReadOnlyCollection<string> hashes, CancellationToken cancellationToken);

    /// <summary>Writes documents that are not stored yet (a hash names one content: one that exists is left as it is).</summary>
    Task AddDocumentsAsync(IReadOnlyList<RegistryDocument.BranchDocument> documents, CancellationToken cancellationToken);

    /// <summary>The text of an imported registry by its hash, for composing a branch sent alone; null when there is none.</summary>
    Task<string?> GetSourceAsync(string hash, CancellationToken cancellationToken);

    /// <summary>Writes an imported registry's text under its hash, unless it is stored already.</summary>
    Task AddSourceAsync(string hash, string json, CancellationToken cancellationToken);

    /// <summary>
    /// The switch: stores <paramref name="index"/> only if the stored index is still the one at
    /// <paramref name="expectedVersion"/> (null: only if there is none). False when another writer switched first:
    /// read again, apply again.
    /// </summary>
    Task<bool> TrySwitchAsync(RegistryIndex index, string? expectedVersion, CancellationToken cancellationToken);
}
