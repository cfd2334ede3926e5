namespace MonitoramentoBKP.Probe.Configuration;

/// <summary>One folder to inventory, with the files that belong to it.</summary>
public sealed record BackupSetConfig
{
    public required string Id { get; init; }
    public required string Root { get; init; }
    public required IReadOnlyList<Glob> Include { get; init; }
    public required IReadOnlyList<Glob> Exclude { get; init; }
    public bool Recurse { get; init; } = true;

    /// <summary>Whether a path relative to the root (with '/' separators) is part of the set.</summary>
    public bool Contains(string relativePath)
    {
        var included = false;
        foreach (var glob in Include)
        {
            if (glob.IsMatch(relativePath))
            {
                included = true;
                break;
            }
        }

        if (!included)
        {
            return false;
        }

        foreach (var glob in Exclude)
        {
            if (glob.IsMatch(relativePath))
            {
                return false;
            }
        }

        return true;
    }
}
