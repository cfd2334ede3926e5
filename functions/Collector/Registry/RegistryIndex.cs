namespace MonitoramentoBKP.Collector.Registry;

/// <summary>
/// The current registry as stored: the hash of the imported registry's text (templates and calendars for a branch
/// sent alone) and, per branch id, the hash of its document. Small, and written in one conditional write: the switch.
/// </summary>
public sealed record RegistryIndex(string SourceHash, IReadOnlyDictionary<string, string> Branches)
{
    /// <summary>Same source and the same document for every branch (a document holds its id, so a change of case changes its hash).</summary>
    public bool SameAs(RegistryIndex other) =>
        SourceHash == other.SourceHash
        && Branches.Count == other.Branches.Count
        && Branches.All(b => other.Branches.TryGetValue(b.Key, out var hash) && hash == b.Value);
}
