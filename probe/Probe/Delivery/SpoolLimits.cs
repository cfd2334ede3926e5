namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>
/// How much the spool of undelivered manifests may hold (probe.json <c>spool: { maxEntries, maxBytes }</c>): past
/// either bound the oldest entries are dropped, and the drop is reported to the collector. The newest manifest is
/// always kept, even when it alone is larger than <see cref="MaxBytes"/>.
/// </summary>
public sealed record SpoolLimits
{
    public const int MaxEntriesAllowed = 100_000;

    /// <summary>200 daily runs are more than six months of an unreachable collector.</summary>
    public static readonly SpoolLimits Default = new() { MaxEntries = 200, MaxBytes = 500L * 1000 * 1000 };

    /// <summary>Entries kept, the new one included; 1 to <see cref="MaxEntriesAllowed"/>.</summary>
    public required int MaxEntries { get; init; }

    /// <summary>Compressed bytes of all entries together, the new one included.</summary>
    public required long MaxBytes { get; init; }
}
