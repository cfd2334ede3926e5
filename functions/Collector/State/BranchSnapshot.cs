namespace MonitoramentoBKP.Collector.State;

/// <summary>A branch's stored state as read, with the version tag every conditional write is checked against.</summary>
public sealed record BranchSnapshot
{
    public static readonly BranchSnapshot Empty = new();

    public BranchContact Contact { get; init; } = new();
    public IReadOnlyDictionary<string, SetState> Sets { get; init; } = new Dictionary<string, SetState>();
    public IReadOnlyDictionary<(string SetId, DateOnly Day), DayVerdict> Days { get; init; } = new Dictionary<(string, DateOnly), DayVerdict>();

    /// <summary>Opaque version of the branch's state (an ETag in Table Storage); null when nothing was stored yet.</summary>
    public string? Version { get; init; }
}
