namespace MonitoramentoBKP.Collector.Registry;

/// <summary>One branch office as the registry describes it, with its sets' effective policies.</summary>
public sealed record BranchPolicy
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Template { get; init; }

    /// <summary>Kept, shown, but not judged (a store under renovation).</summary>
    public bool Paused { get; init; }

    /// <summary>Closed for good: manifests from it are refused.</summary>
    public bool Retired { get; init; }

    public required IReadOnlyList<BackupSetPolicy> Sets { get; init; }

    /// <summary>The branch's own tags and its template's ("sul", "shopping"), which alert routes pick branches by.</summary>
    public IReadOnlySet<string> Tags { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>A maintenance window the registry sets (<c>silence</c>): alerts inside it go to no channel.</summary>
    public Silencing.BranchSilence? Silence { get; init; }
}
