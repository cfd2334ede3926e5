using System.Security.Cryptography;
using System.Text;

namespace MonitoramentoBKP.Collector.Domain;

/// <summary>
/// Caps on what the collector stores whatever a manifest holds: Table Storage takes at most 64 KiB (32 K UTF-16
/// characters) per property and 1 MiB per entity, so every stored text, list and path is bounded here, by
/// design, with a visible "…" or "and N more" rather than a refusal or a failed write.
/// </summary>
public static class Bounded
{
    /// <summary>Longest path kept as it is in a stored observation or message; longer ones keep their start and a hash of the whole.</summary>
    public const int MaxPathChars = 240;

    /// <summary>Longest message (each language) of a stored finding.</summary>
    public const int MaxMessageChars = 700;

    /// <summary>Most findings stored with a state or a change; the rest are counted in one last finding.</summary>
    public const int MaxFindings = 12;

    /// <summary>How many items a finding that counts many of one kind names before "and N more".</summary>
    public const int NamedItems = 3;

    /// <summary>
    /// A path as stored and compared: itself when short, else its first characters, "…" and 16 hex digits of its
    /// SHA-256, so two long paths that share a start stay distinct and the same path always gives the same key.
    /// </summary>
    public static string Path(string path)
    {
        if (path.Length <= MaxPathChars)
        {
            return path;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..16];
        return $"{path[..(MaxPathChars - 18)]}…{hash}";
    }

    /// <summary>A sentence cut to <paramref name="max"/> characters with "…" at the end when longer.</summary>
    public static string Sentence(string text, int max = MaxMessageChars) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    /// <summary>The first few items joined with ", ", then "…" when there are more (the count is said by the caller).</summary>
    public static string FirstFew(IEnumerable<string> items, int total)
    {
        var named = string.Join(", ", items.Take(NamedItems).Select(Path));
        return total > NamedItems ? named + ", …" : named;
    }
}
