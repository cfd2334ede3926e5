using MonitoramentoBKP.Collector.Domain;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>A file baseline as stored: sets, each with its files as short-keyed rows (tens of thousands of them per set).</summary>
internal sealed record BaselineDocument(List<BaselineDocument.SetRows> Sets)
{
    /// <summary>A set's rows; written as they are enumerated (a baseline of 200,000 files is never copied into rows whole).</summary>
    public sealed record SetRows(string Id, IEnumerable<FileRow> Files);

    /// <summary>Path, SHA-256 when written, size, last write, and the content read since when it differs.</summary>
    public sealed record FileRow(string P, string H, long S, DateTime W, string? F);

    public static BaselineDocument From(FileBaseline baseline) => new([.. baseline.Sets.Select(s => new SetRows(s.Key, s.Value.Values.Select(f => new FileRow(f.Path, f.Sha256, f.Size, f.LastWriteUtc, f.FoundSha256))))]);

    public FileBaseline ToBaseline()
    {
        var sets = new Dictionary<string, IReadOnlyDictionary<string, KnownFile>>(StringComparer.OrdinalIgnoreCase);
        foreach (var set in Sets)
        {
            sets[set.Id] = set.Files.ToDictionary(f => f.P, f => new KnownFile(f.P, f.H, f.S, DateTime.SpecifyKind(f.W, DateTimeKind.Utc)) { FoundSha256 = f.F }, StringComparer.Ordinal);
        }

        return new FileBaseline { Sets = sets };
    }
}
