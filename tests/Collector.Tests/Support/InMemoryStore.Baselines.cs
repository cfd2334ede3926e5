using System.Collections.Concurrent;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Ports;

namespace MonitoramentoBKP.Collector.Tests.Support;

/// <summary>File baselines in memory, by name, as the blob store keeps them.</summary>
public sealed partial class InMemoryStore : IBaselineStore
{
    public ConcurrentDictionary<string, FileBaseline> Baselines { get; } = new(StringComparer.Ordinal);

    Task<FileBaseline> IBaselineStore.ReadAsync(string? name, CancellationToken cancellationToken) =>
        Task.FromResult(name is not null && Baselines.TryGetValue(name, out var baseline) ? baseline : FileBaseline.Empty);

    public Task WriteAsync(string name, FileBaseline baseline, CancellationToken cancellationToken)
    {
        Baselines[name] = baseline;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        Baselines.TryRemove(name, out _);
        return Task.CompletedTask;
    }
}
