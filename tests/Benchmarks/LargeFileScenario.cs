using System.Globalization;

namespace MonitoramentoBKP.Benchmarks;

/// <summary>Scenario 1: SHA-256 of one large file, against the single-file hashers an administrator would reach for.</summary>
public static class LargeFileScenario
{
    public const double Target = 0.95;

    public static ScenarioResult Run(BenchContext ctx)
    {
        var bytes = ctx.Plan.LargeFileBytes;
        var title = $"one large file ({Units.SizeText(bytes)})";
        ctx.Heading("1", title);
        PageCache.Warm([ctx.Layout.LargeOneFile], ctx.Log);

        var state = ctx.StateDirectory("large-one");
        var file = ctx.Layout.LargeOneFile;
        var probe = ctx.Sampler.Best(
            ctx.Probe("bkp-probe", "--set", "big=" + ctx.Layout.LargeOneFolder, "--state-dir", state, "--verify-all", "--large-parallel", "1", "--timings"),
            ctx.Repetitions,
            () => BenchContext.Wipe(state));
        var openssl = ctx.Sampler.Best(ctx.Tool("openssl", "openssl", ["dgst", "-sha256", file]), ctx.Repetitions);
        var sha256sum = ctx.Sampler.Best(ctx.Tool("sha256sum", "sha256sum", [file]), ctx.Repetitions);
        var b3sum = ctx.Sampler.Best(ctx.Tool("b3sum", "b3sum", [file]), ctx.Repetitions);

        var p = Figure.Throughput("bkp-probe", probe, bytes);
        var o = Figure.Throughput("openssl", openssl, bytes);
        var s = Figure.Throughput("sha256sum", sha256sum, bytes);
        var b = Figure.Throughput("b3sum", b3sum, bytes);
        var main = RatioFigure.Of("probe/openssl", p, o);
        return new ScenarioResult
        {
            Id = "1",
            Title = title,
            Probe = p,
            Others = [o, s, b],
            Ratios = [main, RatioFigure.Of("probe/sha256sum", p, s), RatioFigure.Of("probe/b3sum", p, b)],
            Target = string.Create(CultureInfo.InvariantCulture, $"probe/openssl >= {Target}"),
            Verdict = Verdicts.AtLeast(p, main.Value, Target),
            Notes = [.. ScanPhase.Note(probe, bytes), "b3sum hashes BLAKE3 with all cores (not SHA-256): shown as the fastest alternative, not a like-for-like target"],
            Commands = [probe.Command.Display, openssl.Command.Display, sha256sum.Command.Display, b3sum.Command.Display],
        };
    }
}
