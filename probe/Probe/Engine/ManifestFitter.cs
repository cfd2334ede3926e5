using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>
/// Fits what a real machine gave the scan inside the contract (<see cref="ManifestLimits"/>), so the probe never
/// sends a manifest the collector refuses whole for one odd file. A file whose path the manifest cannot carry
/// (longer than the cap, or a Linux name with '\' or a ':' second) or whose last write lies outside the plausible
/// range is reported with a per-file problem, under a name that can be carried and a time in the range; texts
/// from the system or an archive library are cut to the cap and lose U+0000; the one-line fields lose control
/// characters. The run's own start and end come from this machine's clock: a clock outside the range is left
/// for the collector to refuse, naming startedUtc, rather than hidden.
/// </summary>
public static class ManifestFitter
{
    /// <summary>The last moment inside the plausible range, for a time after it.</summary>
    private static readonly DateTime LatestUtc = ManifestLimits.EndUtc.AddTicks(-1);

    public static Manifest Fit(Manifest manifest)
    {
        var sets = manifest.Sets.Select(FitSet).ToList();
        return manifest with
        {
            ProbeVersion = Line(manifest.ProbeVersion, ManifestLimits.MaxProbeVersionLength),
            HostName = Line(manifest.HostName, ManifestLimits.MaxHostNameLength),
            Os = Line(manifest.Os, ManifestLimits.MaxOsLength),
            Cache = manifest.Cache with { Detail = Detail(manifest.Cache.Detail) },
            Sets = sets,
            Update = manifest.Update is { } update
                ? update with
                {
                    Version = Line(update.Version, ManifestLimits.MaxProbeVersionLength),
                    PreviousVersion = update.PreviousVersion is { } previous ? Line(previous, ManifestLimits.MaxProbeVersionLength) : null,
                    Detail = Detail(update.Detail),
                }
                : null,
        };
    }

    private static BackupSetReport FitSet(BackupSetReport set) => set with
    {
        Error = Problem(set.Error),
        Files = set.Files.Select(FitFile).ToList(),
        Skipped = set.Skipped.Select(s => s with { Path = Carriable(s.Path, out _), Reason = Problem(s.Reason)! }).ToList(),
    };

    private static FileReport FitFile(FileReport file)
    {
        var path = Carriable(file.Path, out var why);
        var verified = file.VerifiedUtc is { } v && !ManifestLimits.IsPlausible(v) ? null : file.VerifiedUtc;
        var reason = Detail(file.Archive.Reason);
        var error = Problem(file.Error);
        if (why is null && verified == file.VerifiedUtc && ReferenceEquals(reason, file.Archive.Reason) && ReferenceEquals(error, file.Error)
            && ManifestLimits.IsPlausible(file.LastWriteUtc))
        {
            return file; // nearly always: no copy of a 250,000-file set
        }

        var fitted = file with
        {
            VerifiedUtc = verified,
            Archive = ReferenceEquals(reason, file.Archive.Reason) ? file.Archive : file.Archive with { Reason = reason },
            Error = error,
        };

        if (why is not null)
        {
            // Not a backup the collector can name: reported, but neither as hashed nor as tested.
            fitted = fitted with
            {
                Path = path,
                Sha256 = null,
                PreviousSha256 = null,
                HashedThisRun = false,
                Archive = ArchiveReport.NotTested,
                Error = Add(fitted.Error, why),
            };
        }

        if (!ManifestLimits.IsPlausible(file.LastWriteUtc))
        {
            fitted = fitted with
            {
                LastWriteUtc = file.LastWriteUtc < ManifestLimits.EarliestUtc ? ManifestLimits.EarliestUtc : LatestUtc,
                Error = Add(fitted.Error, string.Create(CultureInfo.InvariantCulture, $"last write time {file.LastWriteUtc:yyyy-MM-dd'T'HH:mm:ss'Z'} is outside 2000-2099, not a real backup time")),
            };
        }

        return fitted;
    }

    /// <summary>
    /// The path, or when the manifest cannot carry it, a name that can (with why): '\' and a second ':' become
    /// their full-width look-alikes, U+0000 becomes U+FFFD, and a path past the cap is cut and ends in a hash of
    /// the whole, so two long paths that share a beginning stay two files.
    /// </summary>
    public static string Carriable(string path, out string? why)
    {
        why = null;
        var carriable = path;
        if (!ManifestValidator.IsRelativePath(carriable) || carriable.Contains('\0', StringComparison.Ordinal))
        {
            var chars = carriable.Replace('\\', '＼').Replace('\0', '\uFFFD').ToCharArray();
            if (chars.Length >= 2 && chars[1] == ':')
            {
                chars[1] = '：';
            }

            carriable = new string(chars);
            why = "the name holds characters the manifest cannot carry ('\\', a ':' second or U+0000); reported as " + Shortened(carriable);
        }

        if (carriable.Length > ManifestLimits.MaxRelativePathLength)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..16];
            carriable = string.Concat(Cut(carriable, ManifestLimits.MaxRelativePathLength - hash.Length - 2), "…~", hash);
            var cut = string.Create(CultureInfo.InvariantCulture,
                $"the path is {path.Length:N0} characters long; the manifest carries at most {ManifestLimits.MaxRelativePathLength:N0}, so it is cut and ends in a hash of the whole");
            why = why is null ? cut : why + "; " + cut;
        }

        return carriable;
    }

    private static ProblemReport Add(ProblemReport? existing, string why) => existing is null
        ? new ProblemReport { Code = ProblemCode.IoError, Detail = Detail(why) }
        : existing with { Detail = Detail(existing.Detail is { Length: > 0 } d ? d + "; " + why : why) };

    private static ProblemReport? Problem(ProblemReport? problem) =>
        problem is null || ReferenceEquals(Detail(problem.Detail), problem.Detail) ? problem : problem with { Detail = Detail(problem.Detail) };

    /// <summary>Free text as the manifest carries it: without U+0000, at most <see cref="ManifestLimits.MaxDetailLength"/> characters.</summary>
    public static string? Detail(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var clean = text.Replace('\0', '\uFFFD');
        return clean.Length <= ManifestLimits.MaxDetailLength ? clean : string.Concat(Cut(clean, ManifestLimits.MaxDetailLength - 1), "…");
    }

    /// <summary>A one-line field: control characters become spaces; at most <paramref name="max"/> characters.</summary>
    private static string Line(string text, int max)
    {
        var clean = string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] < ' ' || source[i] == '\u007F' ? ' ' : source[i];
            }
        });
        return clean.Length <= max ? clean : Cut(clean, max).ToString();
    }

    /// <summary>The first <paramref name="length"/> characters at most, never half of a surrogate pair.</summary>
    private static ReadOnlySpan<char> Cut(string text, int length) =>
        text.AsSpan(0, char.IsHighSurrogate(text[length - 1]) ? length - 1 : length);

    private static string Shortened(string text) => text.Length <= 200 ? text : string.Concat(Cut(text, 199), "…");
}
