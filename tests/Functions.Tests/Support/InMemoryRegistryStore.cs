using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Registry;

namespace MonitoramentoBKP.Functions.Tests.Support;

/// <summary>The registry store in memory, counting writes so idempotence shows, with the same conditional switch as storage.</summary>
public sealed class InMemoryRegistryStore : IRegistryStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);
    private StoredRegistryIndex? _index;
    private int _version;

    public int Writes { get; private set; }

    /// <summary>When set, the write with this number (1 = the next one) fails as storage would, and no later one happens.</summary>
    public int? FailOnWrite { get; set; }

    public Task<StoredRegistryIndex?> GetIndexAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_index);
        }
    }

    public Task<string?> GetDocumentAsync(string hash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_documents.GetValueOrDefault(hash));
        }
    }

    public Task<IReadOnlyDictionary<string, string>> GetDocumentsAsync(IReadOnlyCollection<string> hashes, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyDictionary<string, string>>(hashes.Where(_documents.ContainsKey).ToDictionary(h => h, h => _documents[h]));
        }
    }

    public Task AddDocumentsAsync(IReadOnlyList<RegistryDocument.BranchDocument> documents, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var document in documents)
            {
                Write();
                _documents.TryAdd(document.Hash, document.Json);
            }
        }

        return Task.CompletedTask;
    }

    public Task<string?> GetSourceAsync(string hash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_sources.GetValueOrDefault(hash));
        }
    }

    public Task AddSourceAsync(string hash, string json, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Write();
            _sources.TryAdd(hash, json);
        }

        return Task.CompletedTask;
    }

    /// <summary>When set, every switch finds that another writer got there first.</summary>
    public bool AlwaysBeaten { get; set; }

    public int SwitchAttempts { get; private set; }

    public Task<bool> TrySwitchAsync(RegistryIndex index, string? expectedVersion, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            SwitchAttempts++;
            if (AlwaysBeaten || _index?.Version != expectedVersion)
            {
                return Task.FromResult(false);
            }

            Write();
            _index = new StoredRegistryIndex(index, $"v{++_version}");
            return Task.FromResult(true);
        }
    }

    private void Write()
    {
        Writes++;
        if (FailOnWrite is { } n && Writes >= n)
        {
            throw new IOException($"storage failed on write {Writes}");
        }
    }
}
