using System.Collections.Concurrent;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Releases;

namespace MonitoramentoBKP.Collector.Tests.Support;

/// <summary>The releases container and the rollout table in memory; <see cref="LinkBase"/> set makes links as a store with a token credential would.</summary>
public sealed class InMemoryReleases : IReleaseStore, IRolloutStore
{
    private readonly ConcurrentDictionary<(string Channel, string Version), Rollout> _rollouts = new();

    /// <summary>Blob name → content, as the release tool uploads them ("stable/1.4.0/release.json", "keys.json").</summary>
    public ConcurrentDictionary<string, byte[]> Blobs { get; } = new(StringComparer.Ordinal);

    public Uri? LinkBase { get; set; }

    public IReadOnlyCollection<Rollout> Rollouts => [.. _rollouts.Values];

    public Task<byte[]?> ReadDocumentAsync(string channel, string version, int maxBytes, CancellationToken cancellationToken) =>
        Task.FromResult(Blobs.TryGetValue(ReleaseNames.DocumentBlob(channel, version), out var b) ? b[..Math.Min(b.Length, maxBytes + 1)] : null);

    public Task<byte[]?> ReadKeysAsync(int maxBytes, CancellationToken cancellationToken) =>
        Task.FromResult(Blobs.TryGetValue(ReleaseNames.KeysBlob, out var b) ? b[..Math.Min(b.Length, maxBytes + 1)] : null);

    public Task<long?> LengthOfAsync(string channel, string version, string file, CancellationToken cancellationToken) =>
        Task.FromResult(Blobs.TryGetValue(ReleaseNames.FileBlob(channel, version, file), out var b) ? (long?)b.Length : null);

    public Task<(Stream Content, long Length)?> OpenFileAsync(string channel, string version, string file, CancellationToken cancellationToken) =>
        Task.FromResult(Blobs.TryGetValue(ReleaseNames.FileBlob(channel, version, file), out var b) ? ((Stream)new MemoryStream(b, writable: false), (long)b.Length) : ((Stream, long)?)null);

    public Task<Uri?> LinkAsync(string channel, string version, string file, TimeSpan lifetime, CancellationToken cancellationToken) =>
        Task.FromResult(LinkBase is null ? null : new Uri(LinkBase, $"{ReleaseNames.FileBlob(channel, version, file)}?lifetime={lifetime.TotalMinutes}"));

    public Task<Rollout?> FindAsync(string channel, string version, CancellationToken cancellationToken) =>
        Task.FromResult(_rollouts.GetValueOrDefault((channel, version)));

    public Task<IReadOnlyList<Rollout>> OfChannelAsync(string channel, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Rollout>>([.. _rollouts.Values.Where(r => r.Channel == channel)]);

    public Task<IReadOnlyList<Rollout>> WithVersionAsync(string version, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Rollout>>([.. _rollouts.Values.Where(r => r.Version == version)]);

    public Task<IReadOnlyList<Rollout>> AllAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Rollout>>([.. _rollouts.Values]);

    public Task PutAsync(Rollout rollout, CancellationToken cancellationToken)
    {
        _rollouts[(rollout.Channel, rollout.Version)] = rollout;
        return Task.CompletedTask;
    }
}
