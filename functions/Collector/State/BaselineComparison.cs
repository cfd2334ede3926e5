using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.State;

/// <summary>
/// Compares what a run read of a set with what each file was when written. Pure. A file that reads differently
/// without its last-write time moving forward is altered, and stays altered on every later run until it is
/// written again (its time moves forward), disappears, or is acknowledged; the time compared is the probe's raw
/// one, which the file system keeps whatever the clock does later.
/// </summary>
public static class BaselineComparison
{
    public sealed record Result(IReadOnlyDictionary<string, KnownFile> Files, IReadOnlyList<AlteredFile> Altered, bool Changed);

    public static Result Compare(IReadOnlyDictionary<string, KnownFile> known, BackupSetReport? set)
    {
        if (set is null || !set.Exists || !set.Readable)
        {
            // Nothing was read: nothing is forgotten and nothing is judged.
            return new Result(known, [], false);
        }

        var next = new Dictionary<string, KnownFile>(set.Files.Count, StringComparer.Ordinal);
        var altered = new List<AlteredFile>();
        var changed = false;
        foreach (var file in set.Files)
        {
            known.TryGetValue(file.Path, out var was);
            if (file.Sha256 is not { } sha)
            {
                // Unreadable this run: remember it as it was.
                if (was is not null)
                {
                    next[file.Path] = was;
                }

                continue;
            }

            KnownFile now;
            if (was is null)
            {
                // First sight. The probe may already have seen it change behind unchanged metadata.
                now = file.PreviousSha256 is { } before && before != sha
                    ? new KnownFile(file.Path, before, file.Size, file.LastWriteUtc) { FoundSha256 = sha }
                    : new KnownFile(file.Path, sha, file.Size, file.LastWriteUtc);
            }
            else if (sha == was.Sha256)
            {
                now = was.Altered ? was with { FoundSha256 = null } : was;
            }
            else if (file.LastWriteUtc > was.LastWriteUtc)
            {
                // Written again: this is what it is now.
                now = new KnownFile(file.Path, sha, file.Size, file.LastWriteUtc);
            }
            else
            {
                now = was.FoundSha256 == sha ? was : was with { FoundSha256 = sha };
            }

            changed |= !ReferenceEquals(now, was);
            next[file.Path] = now;
            if (now.FoundSha256 is { } found)
            {
                altered.Add(new AlteredFile(file.Path, file.LastWriteUtc, now.Sha256, found));
            }
        }

        changed |= next.Count != known.Count;
        return new Result(changed ? next : known, altered, changed);
    }

    /// <summary>Ops acknowledged the set's altered files: what they read now becomes what they are.</summary>
    public static IReadOnlyDictionary<string, KnownFile> Acknowledge(IReadOnlyDictionary<string, KnownFile> known) =>
        known.Values.Any(k => k.Altered)
            ? known.Values.ToDictionary(k => k.Path, k => k.FoundSha256 is { } found ? k with { Sha256 = found, FoundSha256 = null } : k, StringComparer.Ordinal)
            : known;
}
