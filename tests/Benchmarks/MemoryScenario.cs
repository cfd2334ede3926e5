using System.Globalization;

namespace MonitoramentoBKP.Benchmarks;

/// <summary>Scenario 5a: the probe runs on branch servers beside the backup software; hashing a large file must not grow its memory.</summary>
public static class MemoryScenario
{
    public const double TargetMiB = 64;
    public const string MiB = "MiB";

    public static ScenarioResult Run(BenchContext ctx)
    {
        var bytes = ctx.Plan.LargeFileBytes;
        var title = $"peak RSS hashing one {Units.SizeText(bytes)} file";
        ctx.Heading("5a", title);
        var target = string.Create(CultureInfo.InvariantCulture, $"<= {TargetMiB} MiB");
        if (!ctx.Tools.IsAvailable(ToolBox.GnuTime))
        {
            ctx.Log.WriteLine($"  n/a: {ToolBox.GnuTime} (Debian package time) not installed");
            return new ScenarioResult
            {
                Id = "5a",
                Title = title,
                Probe = Figure.Missing("bkp-probe", MiB, "GNU time not installed"),
                Target = target,
                Verdict = Verdict.NotAvailable,
                Notes = [$"{ToolBox.GnuTime} not installed: peak RSS not measured"],
            };
        }

        PageCache.Warm([ctx.Layout.LargeOneFile], ctx.Log);
        Directory.CreateDirectory(ctx.Layout.ScratchRoot);
        var state = ctx.StateDirectory("memory");
        var probeReport = Path.Combine(ctx.Layout.ScratchRoot, "rss-probe.txt");
        var opensslReport = Path.Combine(ctx.Layout.ScratchRoot, "rss-openssl.txt");
        string[] probeScan = ["--set", "big=" + ctx.Layout.LargeOneFolder, "--state-dir", state, "--verify-all", "--large-parallel", "1"];
        var probe = ctx.Sampler.Best(
            ctx.Tool("bkp-probe under GNU time", ToolBox.GnuTime, ["-f", "%M", "-o", probeReport, ctx.ProbePath, .. ctx.ProbeArguments(probeScan)]),
            1,
            () => BenchContext.Wipe(state));
        var openssl = ctx.Tools.IsAvailable("openssl")
            ? ctx.Sampler.Best(ctx.Tool("openssl under GNU time", ToolBox.GnuTime, ["-f", "%M", "-o", opensslReport, ctx.Tools.Resolve("openssl"), "dgst", "-sha256", ctx.Layout.LargeOneFile]), 1)
            : null;

        var p = Rss("bkp-probe", probe, probeReport);
        var o = openssl is null ? Figure.Missing("openssl", MiB, "not installed") : Rss("openssl", openssl, opensslReport);
        ctx.Log.WriteLine($"  peak RSS: bkp-probe {p.ValueText}, openssl {o.ValueText}");
        return new ScenarioResult
        {
            Id = "5a",
            Title = title,
            Probe = p,
            Others = [o],
            Ratios = [RatioFigure.Of("probe/openssl", p, o)],
            Target = target,
            Verdict = Verdicts.AtMost(p, p.Value, TargetMiB),
            Notes = ["maximum resident set size as GNU time reports it (%M, KiB), one run each"],
            Commands = [probe.Command.Display, .. openssl is null ? Array.Empty<string>() : [openssl.Command.Display]],
        };
    }

    private static Figure Rss(string tool, Sample sample, string reportPath)
    {
        if (!sample.Succeeded)
        {
            return Figure.Missing(tool, MiB, sample.Failure ?? "not run");
        }

        // GNU time puts "Command exited with non-zero status" before the figure when there is one; the figure is last.
        var last = File.Exists(reportPath)
            ? File.ReadAllLines(reportPath).Select(l => l.Trim()).LastOrDefault(l => l.Length > 0)
            : null;
        return long.TryParse(last, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib)
            ? new Figure(tool, kib / 1024.0, MiB, string.Create(CultureInfo.InvariantCulture, $"{kib} KiB max RSS"))
            : Figure.Missing(tool, MiB, $"no figure in {reportPath}");
    }
}
