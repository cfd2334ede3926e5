namespace MonitoramentoBKP.Collector.Domain;

/// <summary>
/// What every known file of a branch looked like when it was written, per set (set id, then path). Kept beside
/// the state (a blob, since a set can hold tens of thousands of files) and replaced whole by each commit, so an
/// altered backup is reported on every run until it is written again, removed, or acknowledged.
/// </summary>
public sealed record FileBaseline
{
    public static readonly FileBaseline Empty = new();

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, KnownFile>> Sets { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, KnownFile>>(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, KnownFile> Of(string setId) =>
        Sets.TryGetValue(setId, out var files) ? files : new Dictionary<string, KnownFile>(StringComparer.Ordinal);

    public FileBaseline With(string setId, IReadOnlyDictionary<string, KnownFile> files)
    {
        var sets = new Dictionary<string, IReadOnlyDictionary<string, KnownFile>>(Sets, StringComparer.OrdinalIgnoreCase) { [setId] = files };
        return new FileBaseline { Sets = sets };
    }
}
