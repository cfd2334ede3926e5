using MonitoramentoBKP.Collector.Ports;

namespace MonitoramentoBKP.Functions.Tests.Support;

/// <summary>The registry store in memory, counting writes so idempotence shows.</summary>
public sealed class InMemoryRegistryStore : IRegistryStore
{
    private readonly Dictionary<string, (string Json, string Hash)> _branches = new(StringComparer.OrdinalIgnoreCase);
    private string? _registry;

    public int Writes { get; private set; }

    public Task<IReadOnlyDictionary<string, (string Json, string Hash)>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, (string, string)>>(new Dictionary<string, (string, string)>(_branches, StringComparer.OrdinalIgnoreCase));

    public Task<string?> GetAsync(string branchId, CancellationToken cancellationToken) =>
        Task.FromResult(_branches.TryGetValue(branchId, out var b) ? b.Json : null);

    public Task PutAsync(string branchId, string json, string hash, CancellationToken cancellationToken)
    {
        Writes++;
        _branches[branchId] = (json, hash);
        return Task.CompletedTask;
    }

    public Task<string?> GetRegistryAsync(CancellationToken cancellationToken) => Task.FromResult(_registry);

    public Task PutRegistryAsync(string json, CancellationToken cancellationToken)
    {
        _registry = json;
        return Task.CompletedTask;
    }
}
