namespace MonitoramentoBKP.Collector.Ingest;

/// <summary>
/// One manifest of a branch at a time per instance: fifty at once of one branch then commit one after another
/// instead of racing for the same partition (where all but one would re-read and re-apply, again and again).
/// Other instances still race, and the conditional commit settles that. Entries live only while in use.
/// </summary>
public sealed class BranchQueue
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The branch's turn, released on dispose; null when it did not come within <paramref name="wait"/>.</summary>
    public async Task<IDisposable?> EnterAsync(string branchId, TimeSpan wait, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(branchId, out entry!))
            {
                entry = new Entry();
                _entries[branchId] = entry;
            }

            entry.Users++;
        }

        var entered = false;
        try
        {
            entered = await entry.Turn.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!entered)
            {
                Leave(branchId, entry, release: false);
            }
        }

        return entered ? new Turn(this, branchId, entry) : null;
    }

    /// <summary>Branches with someone waiting or working (for tests: entries do not pile up).</summary>
    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    private void Leave(string branchId, Entry entry, bool release)
    {
        if (release)
        {
            entry.Turn.Release();
        }

        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(branchId);
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);
        public int Users { get; set; }
    }

    private sealed class Turn(BranchQueue queue, string branchId, Entry entry) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                queue.Leave(branchId, entry, release: true);
            }
        }
    }
}
