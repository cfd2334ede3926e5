namespace MonitoramentoBKP.Collector.Ingest;

/// <summary>
/// Gives a large manifest's memory back to the machine once the last large manifest is done. The garbage collector
/// keeps a heap it has grown for the next burst, and an instance that read a manifest of 200,000 files would stay
/// hundreds of megabytes larger until it is recycled (a Flex Consumption instance has 2 GB). One aggressive,
/// compacting collection when <see cref="LargeManifestGate.Drained"/> fires returns it; at most one per
/// <see cref="Interval"/> (a later drain waits for the interval to pass), on the thread pool, never on the request's own path.
/// </summary>
public sealed class MemoryReturn(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private long _last = long.MinValue;
    private bool _pending;

    /// <summary>How many collections this instance ran (for tests and the log).</summary>
    public int Collections => Volatile.Read(ref _collections);

    private int _collections;

    public void Watch(LargeManifestGate gate) => gate.Drained += Drained;

    /// <summary>Collects now, or, when the last collection was less than <see cref="Interval"/> ago, once when it has passed.</summary>
    private void Drained()
    {
        TimeSpan delay;
        lock (_lock)
        {
            if (_pending)
            {
                return;
            }

            _pending = true;
            var since = _last == long.MinValue ? Interval : time.GetElapsedTime(_last);
            delay = since >= Interval ? TimeSpan.Zero : Interval - since;
        }

        if (delay == TimeSpan.Zero)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => Collect(), null);
        }
        else
        {
            _ = Task.Delay(delay, time).ContinueWith(_ => Collect(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private void Collect()
    {
        lock (_lock)
        {
            _pending = false;
            _last = time.GetTimestamp();
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Interlocked.Increment(ref _collections);
    }
}
