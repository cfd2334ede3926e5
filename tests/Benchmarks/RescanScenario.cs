using System.Globalization;

namespace MonitoramentoBKP.Benchmarks;

/// <summary>
/// Scenario 4: the daily case, a re-scan where nothing changed. It must cost about as much as listing the
/// files, and must not read any content: the probe's own counter says so.
/// </summary>
public static class RescanScenario
{
    public const double Target = 0.5;

    public static ScenarioResult Run(BenchContext ctx)
    {
        var spec = ctx.Plan.Tree;
        var folder = ctx.Layout.Folder(spec);
        var title = $"re-scan of {Units.Count(spec.Count)} unchanged files, warm cache";
        ctx.Heading("4", title);
        PageCache.Warm(PageCache.FilesOf(ctx.Layout, spec), ctx.Log);

        var state = ctx.StateDirectory("rescan");
        BenchContext.Wipe(state);
        var fill = ctx.Runner.Run(ctx.Probe("bkp-probe (fill cache)", "--set", "t=" + folder, "--state-dir", state));
        ctx.Log.WriteLine($"  cache fill (untimed): {Units.Seconds(fill.Elapsed)} s{(fill.Succeeded ? "" : ", FAILED: " + fill.FailureText)}");

        var probe = fill.Succeeded
            ? ctx.Sampler.Best(ctx.Probe("bkp-probe", "--set", "t=" + folder, "--state-dir", state, "--timings", "--reverify-budget", "0"), ctx.Repetitions)
            : new Sample(ctx.Probe("bkp-probe", "--set", "t=" + folder), [fill], "cache fill failed: " + fill.FailureText);
        var find = ctx.Sampler.Best(ctx.Tool("find", "find", [folder, "-type", "f", "-printf", "%s %T@ %p\\n"], discardStdout: true), ctx.Repetitions);

        var p = Figure.Rate("bkp-probe", probe, spec.Count);
        var f = Figure.Rate("find", find, spec.Count);
        var main = RatioFigure.Of("probe/find", p, f);
        var notes = new List<string>();
        var readNothing = CheckNothingRead(probe, spec.Count, notes);
        var verdict = Verdicts.AtLeast(p, main.Value, Target);
        if (verdict == Verdict.Pass && !readNothing)
        {
            verdict = Verdict.Miss;
        }

        notes.Add($"{Units.Count(spec.Count)} files of {spec.MinBytes}-{spec.MaxBytes} bytes in {Units.Count(spec.Folders)} folders; cache filled by one untimed probe run");
        notes.AddRange(ScanPhase.Note(probe, 0));
        return new ScenarioResult
        {
            Id = "4",
            Title = title,
            Probe = p,
            Others = [f],
            Ratios = [main],
            Target = string.Create(CultureInfo.InvariantCulture, $"probe/find >= {Target} and no content read"),
            Verdict = verdict,
            Notes = notes,
            Commands = [ctx.Probe("bkp-probe", "--set", "t=" + folder, "--state-dir", state).Display + "   (untimed, fills the cache)", probe.Command.Display, find.Command.Display],
        };
    }

    private static bool CheckNothingRead(Sample probe, int files, List<string> notes)
    {
        if (!probe.Succeeded)
        {
            return false;
        }

        var reads = probe.Runs.Select(r => ProbeTimings.Parse(r.StdErr)).ToList();
        var bytes = reads.Select(t => t.ContentBytesRead).ToList();
        var fromCache = reads.Select(t => t.Long("filesFromCache")).ToList();
        if (bytes.Any(b => b is null))
        {
            notes.Add("contentBytesRead missing from the probe's --timings output: cannot tell whether content was read");
            return false;
        }

        if (bytes.All(b => b == 0))
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"no file content read (counted): contentBytesRead=0 in all {bytes.Count} timed runs; filesFromCache={string.Join(',', fromCache)} of {files}"));
            return true;
        }

        notes.Add($"file content WAS read on an unchanged re-scan: contentBytesRead={string.Join(',', bytes)} bytes in the timed runs; filesFromCache={string.Join(',', fromCache)} of {files}");
        return false;
    }
}
