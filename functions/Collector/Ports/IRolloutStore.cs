using MonitoramentoBKP.Collector.Releases;

namespace MonitoramentoBKP.Collector.Ports;

/// <summary>Published releases and their rollouts (Table Storage in Azure: a partition per channel, a row per version).</summary>
public interface IRolloutStore
{
    Task<Rollout?> FindAsync(string channel, string version, CancellationToken cancellationToken);

    Task<IReadOnlyList<Rollout>> OfChannelAsync(string channel, CancellationToken cancellationToken);

    /// <summary>The releases of that version in every channel.</summary>
    Task<IReadOnlyList<Rollout>> WithVersionAsync(string version, CancellationToken cancellationToken);

    Task<IReadOnlyList<Rollout>> AllAsync(CancellationToken cancellationToken);

    /// <summary>Adds or replaces the rollout of its channel and version.</summary>
    Task PutAsync(Rollout rollout, CancellationToken cancellationToken);
}
