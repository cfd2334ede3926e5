using System.Globalization;

namespace MonitoramentoBKP.Benchmarks;

/// <summary>Scenario 2: two large files hashed at once (--large-parallel 2) should use both cores.</summary>
public static class TwoLargeFilesScenario
{
    public const double Target = 1.8;

    public static ScenarioResult Run(BenchContext ctx, ScenarioResult oneFile)
    {
        var each = ctx.Plan.LargeFileBytes;
        var bytes = 2 * each;
        var title = $"two large files at once (2 x {Units.SizeText(each)})";
        ctx.Heading("2", title);
        PageCache.Warm([ctx.Layout.LargeTwoFirst, ctx.Layout.LargeTwoSecond], ctx.Log);

        var state = ctx.StateDirectory("large-two");
        var probe = ctx.Sampler.Best(
            ctx.Probe("bkp-probe", "--set", "big=" + ctx.Layout.LargeTwoFolder, "--state-dir", state, "--verify-all", "--large-parallel", "2", "--timings"),
            ctx.Repetitions,
            () => BenchContext.Wipe(state));

        // Two openssl processes side by side show what this machine's two cores give at best.
        var openssl = ctx.Tools.IsAvailable("openssl")
            ? ctx.Sampler.Best(
                ctx.Tool("2 x openssl at once", "/bin/sh", ["-c", "\"$1\" dgst -sha256 \"$2\" & a=$!; \"$1\" dgst -sha256 \"$3\" & b=$!; wait $a && wait $b", "sh", ctx.Tools.Resolve("openssl"), ctx.Layout.LargeTwoFirst, ctx.Layout.LargeTwoSecond]),
                ctx.Repetitions)
            : null;

        var p = Figure.Throughput("bkp-probe", probe, bytes);
        var o = openssl is null ? Figure.Missing("2 x openssl at once", Figure.GBps, "openssl not installed") : Figure.Throughput("2 x openssl at once", openssl, bytes);
        var oneProbe = oneFile.Probe with { Tool = "bkp-probe, 1 file" };
        var oneOpenssl = oneFile.Others.FirstOrDefault(f => f.Tool == "openssl") ?? Figure.Missing("openssl", Figure.GBps, "not run");
        var main = RatioFigure.Of("probe 2 files/1 file", p, oneProbe);
        return new ScenarioResult
        {
            Id = "2",
            Title = title,
            Probe = p,
            Others = [oneProbe, o],
            Ratios = [main, RatioFigure.Of("openssl 2 at once/1", o, oneOpenssl), RatioFigure.Of("probe/2 x openssl", p, o)],
            Target = string.Create(CultureInfo.InvariantCulture, $"probe 2 files/1 file >= {Target}"),
            Verdict = Verdicts.AtLeast(p, main.Value, Target),
            Notes =
            [
                $"aggregate rate: {Units.SizeText(bytes)} hashed / wall time; the first file is a hard link to scenario 1's file, the second has its own contents",
                .. ScanPhase.Note(probe, bytes),
            ],
            Commands = [probe.Command.Display, .. openssl is null ? Array.Empty<string>() : [openssl.Command.Display]],
        };
    }
}
