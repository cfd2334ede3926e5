namespace MonitoramentoBKP.Collector.Ports;

/// <summary>Where the per-branch registry documents (and the last imported registry) are kept.</summary>
public interface IRegistryStore
{
    /// <summary>Stored documents by branch id: (json, hash).</summary>
    Task<IReadOnlyDictionary<string, (string Json, string Hash)>> ListAsync(CancellationToken cancellationToken);

    Task<string?> GetAsync(string branchId, CancellationToken cancellationToken);

    Task PutAsync(string branchId, string json, string hash, CancellationToken cancellationToken);

    /// <summary>The templates and calendars of the last full import, for composing a single branch sent alone.</summary>
    Task<string?> GetRegistryAsync(CancellationToken cancellationToken);

    Task PutRegistryAsync(string json, CancellationToken cancellationToken);
}
