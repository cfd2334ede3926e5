using MonitoramentoBKP.Collector.Registry;

namespace MonitoramentoBKP.Collector.Admin;

/// <summary>
/// What an import did: refused with problems; not done because other writers kept switching the registry first
/// (<see cref="RetryAfter"/>: try again then); or which branches were added, changed, left alone, or are no longer listed.
/// </summary>
public sealed record ImportReport
{
    public IReadOnlyList<RegistryProblem> Problems { get; init; } = [];
    public IReadOnlyList<string> Added { get; init; } = [];
    public IReadOnlyList<string> Changed { get; init; } = [];
    public IReadOnlyList<string> Unchanged { get; init; } = [];

    /// <summary>Stored branches the import does not list: kept (their history matters); retire them explicitly.</summary>
    public IReadOnlyList<string> NotListed { get; init; } = [];

    /// <summary>Set when nothing was applied because the registry kept changing under every attempt.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public bool Busy => RetryAfter is not null;

    public bool Succeeded => Problems.Count == 0 && !Busy;
}
