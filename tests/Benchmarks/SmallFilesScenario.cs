using System.Globalization;

namespace MonitoramentoBKP.Benchmarks;

/// <summary>Scenario 3: a first scan of many small files, where per-file overhead, not hashing, sets the pace.</summary>
public static class SmallFilesScenario
{
    public const double Target = 3;

    public static ScenarioResult Run(BenchContext ctx)
    {
        var spec = ctx.Plan.SmallFiles;
        var folder = ctx.Layout.Folder(spec);
        var title = $"{Units.Count(spec.Count)} small files, cold hash cache";
        ctx.Heading("3", title);
        PageCache.Warm(PageCache.FilesOf(ctx.Layout, spec), ctx.Log);

        var state = ctx.StateDirectory("small");
        var probe = ctx.Sampler.Best(
            ctx.Probe("bkp-probe", "--set", "s=" + folder, "--state-dir", state, "--parallel", "2", "--timings"),
            ctx.Repetitions,
            () => BenchContext.Wipe(state));
        var hashdeep = ctx.Sampler.Best(ctx.Tool("hashdeep", "hashdeep", ["-c", "sha256", "-r", "-j2", folder], discardStdout: true), ctx.Repetitions);

        var p = Figure.Rate("bkp-probe", probe, spec.Count);
        var h = Figure.Rate("hashdeep", hashdeep, spec.Count);
        var main = RatioFigure.Of("probe/hashdeep", p, h);
        var notes = new List<string>
        {
            $"{Units.Count(spec.Count)} files of {spec.MinBytes}-{spec.MaxBytes} bytes in {spec.Folders} folders, {Units.GiBText(spec.TotalBytes())}; fresh --state-dir before every probe run",
        };
        notes.AddRange(ScanPhase.Note(probe, spec.TotalBytes()));
        return new ScenarioResult
        {
            Id = "3",
            Title = title,
            Probe = p,
            Others = [h],
            Ratios = [main],
            Target = string.Create(CultureInfo.InvariantCulture, $"probe/hashdeep >= {Target}"),
            Verdict = Verdicts.AtLeast(p, main.Value, Target),
            Notes = notes,
            Commands = [probe.Command.Display, hashdeep.Command.Display],
        };
    }
}
