using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Probe.Engine;
using MonitoramentoBKP.Probe.Localization;

namespace MonitoramentoBKP.Probe.Output;

/// <summary>What a person at the branch machine sees after an interactive scan: per set, the state, the newest backup and every problem.</summary>
public static class SummaryPrinter
{
    public static void Print(Manifest manifest, ScanStatistics statistics, Messages messages, TextWriter output)
    {
        PrintSets(manifest, messages, output);
        output.WriteLine(messages.Totals(statistics.FilesHashed, statistics.BytesHashed, statistics.FilesFromCache, statistics.Elapsed));
    }

    /// <summary>Per set, the state, the newest backup and every problem: what install shows of its first run.</summary>
    public static void PrintSets(Manifest manifest, Messages messages, TextWriter output)
    {
        foreach (var set in manifest.Sets)
        {
            output.WriteLine(messages.SummaryHeader(set.Id, set.RootPath));
            if (!set.Exists)
            {
                output.WriteLine(messages.SetMissing);
                continue;
            }

            if (!set.Readable)
            {
                output.WriteLine(messages.SetUnreadable(set.Error?.Detail ?? messages.Problem(set.Error?.Code ?? ProblemCode.IoError)));
                continue;
            }

            if (set.FileCount == 0)
            {
                output.WriteLine(messages.SetEmpty);
            }
            else
            {
                output.WriteLine(messages.SetCounts(set.FileCount, set.TotalBytes, set.VolumeFreeBytes));
                if (set.Files.Where(f => f.Error is null).MaxBy(f => f.LastWriteUtc) is { } newest)
                {
                    output.WriteLine(messages.Newest(newest.Path, newest.LastWriteUtc, newest.Size));
                }
            }

            foreach (var file in set.Files)
            {
                if (file.Error is { } error)
                {
                    output.WriteLine(messages.FileProblem(file.Path, error));
                }

                if (file.Archive.Verdict == ArchiveVerdict.Corrupt)
                {
                    output.WriteLine(messages.ArchiveCorrupt(file.Path, file.Archive.Reason));
                }

                if (file.PreviousSha256 is not null)
                {
                    output.WriteLine(messages.ContentChanged(file.Path));
                }
            }

            foreach (var skipped in set.Skipped)
            {
                output.WriteLine(messages.Skipped(skipped.Path, skipped.Reason));
            }
        }
    }

    /// <summary>Whether the run found anything a person should look at (exit code 1).</summary>
    public static bool HasProblems(Manifest manifest) => manifest.Sets.Any(s =>
        !s.Exists || !s.Readable || s.FileCount == 0 || s.Skipped.Count > 0 ||
        s.Files.Any(f => f.Error is not null || f.Archive.Verdict == ArchiveVerdict.Corrupt || f.PreviousSha256 is not null));
}
