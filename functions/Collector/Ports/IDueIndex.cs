namespace MonitoramentoBKP.Collector.Ports;

/// <summary>
/// What the sweep must look at and when, so a sweep with nothing due costs a few requests whatever the number
/// of branches. It is kept beside the state, not in the same transaction: an entry too many only costs the sweep
/// a look (it re-checks the state), so entries are added before a state commit and removed after it.
/// </summary>
public interface IDueIndex
{
    /// <summary>Adds or moves entries (an entry's identity is its branch and set).</summary>
    Task ScheduleAsync(IEnumerable<DueEntry> entries, CancellationToken cancellationToken);

    /// <summary>Removes entries that no longer stand (the state moved on).</summary>
    Task RemoveAsync(IEnumerable<DueEntry> entries, CancellationToken cancellationToken);

    /// <summary>Every entry due at or before <paramref name="nowUtc"/> not yet handled.</summary>
    Task<IReadOnlyList<DueEntry>> DueAsync(DateTime nowUtc, CancellationToken cancellationToken);
}
