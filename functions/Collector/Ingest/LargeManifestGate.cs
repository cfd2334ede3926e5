namespace MonitoramentoBKP.Collector.Ingest;

/// <summary>
/// How much large-manifest JSON one instance reads and judges at once, counted in steps of
/// <see cref="IngestLimits.LargeManifestBytes"/> decompressed bytes up to <see cref="IngestLimits.MaxLargeBytesAtOnce"/>.
/// A manifest's memory follows its decompressed size (its objects, then the file baseline built from them), so
/// the instance's memory stays bounded by that budget whatever arrives: one manifest at the cap and a smaller one
/// run together, eight bombs get their share and 503s. A manifest takes its steps as its bytes arrive
/// (<see cref="Place.CoverAsync"/>) and gives them all back when done. Only two kinds of manifest wait for a step,
/// for <see cref="IngestLimits.LargeWait"/> in all: one that holds none yet (it keeps nobody waiting), and the
/// oldest of those that hold some. Any other that finds no step free gets <see cref="CollectorBusyException"/> at
/// once (503 with Retry-After) and gives back what it held: manifests never wait for each other's steps, and the
/// oldest always gets through.
/// </summary>
public sealed class LargeManifestGate
{
    private readonly IngestLimits _limits;
    private readonly SemaphoreSlim _steps;
    private readonly SortedSet<long> _holders = [];
    private long _order;
    private int _held;

    public LargeManifestGate(IngestLimits limits)
    {
        // The largest manifest accepted must fit the budget, or it could never be read.
        var steps = limits.MaxLargeBytesAtOnce / limits.LargeManifestBytes;
        if (steps < StepsFor(limits.MaxManifestBytes, limits.LargeManifestBytes))
        {
            throw new ArgumentException($"MaxLargeBytesAtOnce ({limits.MaxLargeBytesAtOnce}) must hold a manifest at MaxManifestBytes ({limits.MaxManifestBytes}) in steps of {limits.LargeManifestBytes} bytes.", nameof(limits));
        }

        _limits = limits;
        Steps = (int)steps;
        _steps = new SemaphoreSlim(Steps, Steps);
    }

    /// <summary>The budget, in steps.</summary>
    public int Steps { get; }

    /// <summary>Steps held by manifests being read or judged now.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Raised when the last step held is given back: the moment a large manifest's memory can be returned.</summary>
    public event Action? Drained;

    /// <summary>A request's place, holding no step until its body turns out large; disposing it gives every step back.</summary>
    public Place Open() => new(this);

    private static string Mib(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    private static long StepsFor(long bytes, long step) => (bytes + step - 1) / step;

    private async Task<bool> TakeAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (!await _steps.WaitAsync(wait, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        Interlocked.Increment(ref _held);
        return true;
    }

    /// <summary>A place's turn among holders, given with its first step.</summary>
    private long Join()
    {
        lock (_holders)
        {
            var order = ++_order;
            _holders.Add(order);
            return order;
        }
    }

    private bool IsOldest(long order)
    {
        lock (_holders)
        {
            return _holders.Count > 0 && _holders.Min == order;
        }
    }

    private void Give(int steps, long order)
    {
        if (order > 0)
        {
            lock (_holders)
            {
                _holders.Remove(order);
            }
        }

        if (steps == 0)
        {
            return;
        }

        _steps.Release(steps);
        if (Interlocked.Add(ref _held, -steps) == 0)
        {
            Drained?.Invoke();
        }
    }

    public sealed class Place : IDisposable
    {
        private readonly LargeManifestGate _gate;
        private readonly object _lock = new();
        private TimeSpan _waited;
        private long _order;
        private int _steps;
        private bool _disposed;

        internal Place(LargeManifestGate gate) => _gate = gate;

        /// <summary>Steps this place holds.</summary>
        public int Steps => _steps;

        /// <summary>Bytes the steps held cover.</summary>
        public long Covered => _steps * _gate._limits.LargeManifestBytes;

        /// <summary>Holds enough steps for <paramref name="bytes"/> decompressed bytes (nothing below one step: small manifests never wait).</summary>
        public Task CoverAsync(long bytes, CancellationToken cancellationToken) =>
            bytes <= Covered || (_steps == 0 && bytes <= _gate._limits.LargeManifestBytes)
                ? Task.CompletedTask
                : GrowAsync((int)Math.Min(StepsFor(bytes, _gate._limits.LargeManifestBytes), _gate.Steps), cancellationToken);

        /// <summary>Holds at least one step: for a body whose compressed size already says it is large.</summary>
        public Task HoldAsync(CancellationToken cancellationToken) => _steps > 0 ? Task.CompletedTask : GrowAsync(1, cancellationToken);

        public void Dispose()
        {
            int steps;
            long order;
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                (steps, order) = (_steps, _order);
                _steps = 0;
            }

            _gate.Give(steps, order);
        }

        private async Task GrowAsync(int needed, CancellationToken cancellationToken)
        {
            var limits = _gate._limits;
            while (_steps < needed)
            {
                var left = limits.LargeWait - _waited;
                var mayWait = _steps == 0 || _gate.IsOldest(_order);
                var started = Environment.TickCount64;
                var taken = await _gate.TakeAsync(mayWait && left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                _waited += TimeSpan.FromMilliseconds(Environment.TickCount64 - started);
                if (!taken)
                {
                    throw new CollectorBusyException(
                        $"the collector is reading {Mib(_gate.Held * limits.LargeManifestBytes)} MiB of large manifests already (at most {Mib(limits.MaxLargeBytesAtOnce)} MiB at once); try again in {limits.RetryAfterSeconds} s.");
                }

                lock (_lock)
                {
                    if (_disposed)
                    {
                        _gate.Give(1, 0);
                        throw new ObjectDisposedException(nameof(Place));
                    }

                    if (_steps++ == 0)
                    {
                        _order = _gate.Join();
                    }
                }
            }
        }
    }
}
