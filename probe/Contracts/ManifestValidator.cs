using System.Globalization;
using System.Text.RegularExpressions;

namespace MonitoramentoBKP.Contracts;

/// <summary>
/// The rules of manifest.schema.json that typed deserialization does not already enforce (patterns, lengths,
/// counts, ranges, conditional requirements), checked in code: a 10,000-file manifest validates in
/// milliseconds where a general JSON Schema evaluator takes most of a second. Tests hold both to the same
/// invalid manifests. Unknown, repeated or missing properties, nulls for values, enum values and the form of
/// timestamps are refused by deserialization itself (<see cref="ContractsJsonContext"/>); so, here only, are
/// what a schema cannot say: a run that finishes before it starts (or a drop range that ends before it begins), and
/// set ids that repeat in another case.
/// </summary>
public static partial class ManifestValidator
{
    private const int MaxErrors = 20;
    private const string IdRule = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";
    private static readonly HashSet<string> Formats = ["zip", "7z", "tar", "gzip", "tar.gz"];

    // \z, not $: in .NET '$' also matches before a final "\n", so "F042\n" would pass.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*\z")]
    private static partial Regex Id();

    [GeneratedRegex(@"^[0-9a-f]{64}\z")]
    private static partial Regex Sha256();

    /// <summary>Every problem found (at most 20), each as "path: what is wrong"; empty when the manifest is valid.</summary>
    public static IReadOnlyList<string> Validate(Manifest m)
    {
        var errors = new List<string>();
        bool Full() => errors.Count >= MaxErrors;
        void Check(bool ok, string path, string message)
        {
            if (!ok && !Full())
            {
                errors.Add($"{path}: {message}");
            }
        }

        // Every string: its length, and no U+0000 (no file system allows it in a name, and it cuts strings short
        // in C code and logs); single-line fields also refuse the other control characters. Paths keep them:
        // Linux allows any other character in a file name, and a backup must be reported under its real name.
        void Text(string? value, string path, int max, bool required = true, bool singleLine = false)
        {
            if (value is null)
            {
                Check(!required, path, "is required");
                return;
            }

            Check(!required || value.Length > 0, path, "must not be empty");
            Check(value.Length <= max, path, $"must be at most {Count(max)} characters long (it is {Count(value.Length)})");
            Check(!value.Contains('\0', StringComparison.Ordinal), path, "must not contain U+0000");
            Check(!singleLine || !value.Any(c => c < ' ' || c == '\u007F'), path, "must not contain control characters");
        }

        void Moment(DateTime value, string path) =>
            Check(ManifestLimits.IsPlausible(value), path, "must be from 2000-01-01T00:00:00Z up to (not including) 2100-01-01T00:00:00Z");

        void IdText(string? value, string path) =>
            Check(value is { Length: <= ManifestLimits.MaxIdLength } && Id().IsMatch(value), path, IdRule);

        void Problem(ProblemReport? problem, string path)
        {
            Text(problem?.Detail, path + "/detail", ManifestLimits.MaxDetailLength, required: false);
        }

        Check(m.SchemaVersion == Manifest.CurrentSchemaVersion, "/schemaVersion", $"must be {Manifest.CurrentSchemaVersion}");
        IdText(m.BranchId, "/branchId");
        Text(m.ProbeVersion, "/probeVersion", ManifestLimits.MaxProbeVersionLength, singleLine: true);
        Text(m.HostName, "/hostName", ManifestLimits.MaxHostNameLength, required: false, singleLine: true);
        Text(m.Os, "/os", ManifestLimits.MaxOsLength, required: false, singleLine: true);
        Moment(m.StartedUtc, "/startedUtc");
        Moment(m.FinishedUtc, "/finishedUtc");
        Check(m.FinishedUtc >= m.StartedUtc, "/finishedUtc", "must not be before startedUtc");
        Text(m.Cache?.Detail, "/cache/detail", ManifestLimits.MaxDetailLength, required: false);
        if (m.SpoolDropped is { } dropped)
        {
            Check(dropped.Count >= 1, "/spoolDropped/count", "must be 1 or more");
            Moment(dropped.FirstFinishedUtc, "/spoolDropped/firstFinishedUtc");
            Moment(dropped.LastFinishedUtc, "/spoolDropped/lastFinishedUtc");
            Check(dropped.LastFinishedUtc >= dropped.FirstFinishedUtc, "/spoolDropped/lastFinishedUtc", "must not be before firstFinishedUtc");
        }

        if (m.Update is { } update)
        {
            Text(update.Version, "/update/version", ManifestLimits.MaxProbeVersionLength, singleLine: true);
            Text(update.PreviousVersion, "/update/previousVersion", ManifestLimits.MaxProbeVersionLength, required: false, singleLine: true);
            Check(update.PreviousVersion is not { Length: 0 }, "/update/previousVersion", "must not be empty");
            Check(update.Outcome != Releases.UpdateOutcome.RolledBack || update.PreviousVersion is not null, "/update/previousVersion", "is required when the update was rolled back (the version restored)");
            Moment(update.AtUtc, "/update/atUtc");
            Text(update.Detail, "/update/detail", ManifestLimits.MaxDetailLength, required: false);
        }

        if (m.Sets.Count > ManifestLimits.MaxSets)
        {
            Check(false, "/sets", $"must hold at most {Count(ManifestLimits.MaxSets)} sets (it holds {Count(m.Sets.Count)})");
            return errors;
        }

        var firstWithId = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var s = 0; s < m.Sets.Count && !Full(); s++)
        {
            var at = $"/sets/{s}";
            if (m.Sets[s] is not { } set)
            {
                Check(false, at, "must be a set, not null");
                continue;
            }

            IdText(set.Id, at + "/id");
            if (set.Id is not null && !firstWithId.TryAdd(set.Id, s))
            {
                Check(false, at + "/id", $"'{set.Id}' repeats the id of /sets/{firstWithId[set.Id]} (set ids are unique whatever their letter case)");
            }

            Text(set.RootPath, at + "/rootPath", ManifestLimits.MaxRootPathLength);
            Check(set.FileCount is >= 0 and <= ManifestLimits.MaxFilesPerSet, at + "/fileCount", $"must be 0 to {Count(ManifestLimits.MaxFilesPerSet)}");
            Check(set.TotalBytes >= 0, at + "/totalBytes", "must be 0 or more");
            Check(set.VolumeFreeBytes is null or >= 0, at + "/volumeFreeBytes", "must be 0 or more");
            Check(set.VolumeTotalBytes is null or >= 0, at + "/volumeTotalBytes", "must be 0 or more");
            Check(set.Readable || set.Error is not null, at + "/error", "is required when the set is not readable");
            Problem(set.Error, at + "/error");
            if (set.Skipped.Count > ManifestLimits.MaxSkippedPerSet)
            {
                Check(false, at + "/skipped", $"must hold at most {Count(ManifestLimits.MaxSkippedPerSet)} entries (it holds {Count(set.Skipped.Count)})");
            }
            else
            {
                for (var k = 0; k < set.Skipped.Count && !Full(); k++)
                {
                    var skippedAt = $"{at}/skipped/{k}";
                    if (set.Skipped[k] is not { } skipped)
                    {
                        Check(false, skippedAt, "must be an entry, not null");
                        continue;
                    }

                    Text(skipped.Path, skippedAt + "/path", ManifestLimits.MaxRelativePathLength);
                    Problem(skipped.Reason, skippedAt + "/reason");
                }
            }

            if (set.Files.Count > ManifestLimits.MaxFilesPerSet)
            {
                Check(false, at + "/files", $"must hold at most {Count(ManifestLimits.MaxFilesPerSet)} files (it holds {Count(set.Files.Count)})");
                continue;
            }

            for (var f = 0; f < set.Files.Count && !Full(); f++)
            {
                var fileAt = $"{at}/files/{f}";
                if (set.Files[f] is not { } file)
                {
                    Check(false, fileAt, "must be a file, not null");
                    continue;
                }

                var path = file.Path;
                Text(path, fileAt + "/path", ManifestLimits.MaxRelativePathLength);
                Check(path is null || IsRelativePath(path), fileAt + "/path", "must be relative to the set's root, with '/' separators");
                Check(file.Size >= 0, fileAt + "/size", "must be 0 or more");
                Moment(file.LastWriteUtc, fileAt + "/lastWriteUtc");
                if (file.VerifiedUtc is { } verified)
                {
                    Moment(verified, fileAt + "/verifiedUtc");
                }

                Check(file.Sha256 is null || Sha256().IsMatch(file.Sha256), fileAt + "/sha256", "must be 64 lower-case hex digits");
                Check(file.PreviousSha256 is null || Sha256().IsMatch(file.PreviousSha256), fileAt + "/previousSha256", "must be 64 lower-case hex digits");
                Check(file.Sha256 is not null || file.Error is not null, fileAt, "needs a sha256 or an error");
                Check(file.Archive.Format is null || Formats.Contains(file.Archive.Format), fileAt + "/archive/format", "must be zip, 7z, tar, gzip or tar.gz");
                Check(file.Archive.Entries is null or >= 0, fileAt + "/archive/entries", "must be 0 or more");
                Check(file.Archive.Verdict != ArchiveVerdict.Corrupt || file.Archive.Reason is not null, fileAt + "/archive/reason", "is required for a corrupt archive");
                Text(file.Archive.Reason, fileAt + "/archive/reason", ManifestLimits.MaxDetailLength, required: false);
                Problem(file.Error, fileAt + "/error");
            }
        }

        return errors;
    }

    /// <summary>
    /// Whether a file's path reads as relative to its set's root with '/' separators: not rooted, no drive letter,
    /// no '\\' (a Linux file name may hold '\\' or a ':' second; the probe reports such a file under another name).
    /// </summary>
    public static bool IsRelativePath(string path) =>
        !path.StartsWith('/') && !(path.Length >= 2 && path[1] == ':') && !path.Contains('\\', StringComparison.Ordinal);

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
