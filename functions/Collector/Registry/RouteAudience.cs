namespace MonitoramentoBKP.Collector.Registry;

/// <summary>
/// Which branches a route hears about: those with one of <see cref="Tags"/> (its own or its template's), on one
/// of <see cref="Templates"/>, or named in <see cref="BranchIds"/>. With none of the three, every branch.
/// </summary>
public sealed record RouteAudience
{
    public static readonly RouteAudience Everyone = new();

    public IReadOnlySet<string> Tags { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    public IReadOnlySet<string> Templates { get; init; } = new HashSet<string>(StringComparer.Ordinal);
    public IReadOnlySet<string> BranchIds { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public bool IsEveryone => Tags.Count == 0 && Templates.Count == 0 && BranchIds.Count == 0;

    public bool Includes(BranchPolicy branch) =>
        IsEveryone
        || BranchIds.Contains(branch.Id)
        || Templates.Contains(branch.Template)
        || branch.Tags.Any(Tags.Contains);
}
