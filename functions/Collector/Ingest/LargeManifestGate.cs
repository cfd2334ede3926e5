namespace MonitoramentoBKP.Collector.Ingest;

/// <summary>
/// How many large manifests one instance reads and judges at once. Memory then stays bounded by that number
/// times the largest manifest's objects, whatever arrives: eight gzip bombs at once get two places and six 503s.
/// </summary>
public sealed class LargeManifestGate(IngestLimits limits)
{
    private readonly SemaphoreSlim _places = new(limits.MaxLargeAtOnce, limits.MaxLargeAtOnce);

    /// <summary>A place, released on dispose; <see cref="CollectorBusyException"/> when none came free within <see cref="IngestLimits.LargeWait"/>.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!await _places.WaitAsync(limits.LargeWait, cancellationToken).ConfigureAwait(false))
        {
            throw new CollectorBusyException($"{limits.MaxLargeAtOnce} large manifests are being read already; try again in {limits.RetryAfterSeconds} s.");
        }

        return new Place(_places);
    }

    private sealed class Place(SemaphoreSlim places) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                places.Release();
            }
        }
    }
}
