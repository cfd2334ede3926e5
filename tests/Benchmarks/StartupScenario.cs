using System.Globalization;

namespace MonitoramentoBKP.Benchmarks;

/// <summary>
/// Scenario 5b: from process start to the first content byte hashed. The probe stamps that moment in wall-clock
/// Unix milliseconds (--timings); the harness reads the same clock just before starting it.
/// </summary>
public static class StartupScenario
{
    public const double TargetMs = 100;
    public const int Runs = 5;
    public const string Ms = "ms";

    public static ScenarioResult Run(BenchContext ctx)
    {
        const string title = "process start to first byte hashed";
        ctx.Heading("5b", title);
        var state = ctx.StateDirectory("startup");
        var probe = ctx.Sampler.Best(
            ctx.Probe("bkp-probe", "--set", "big=" + ctx.Layout.LargeOneFolder, "--state-dir", state, "--verify-all", "--large-parallel", "1", "--timings"),
            Runs,
            () => BenchContext.Wipe(state));

        var inv = CultureInfo.InvariantCulture;
        var delays = probe.Succeeded
            ? probe.Runs.Select(r => ProbeTimings.Parse(r.StdErr).FirstByteUnixMs is { } first ? first - r.StartUnixMs : (double?)null).ToList()
            : [];
        Figure p;
        if (!probe.Succeeded)
        {
            p = Figure.Missing("bkp-probe", Ms, probe.Failure ?? "not run");
        }
        else if (delays.Any(d => d is null))
        {
            p = Figure.Missing("bkp-probe", Ms, "firstByteUnixMs missing from the probe's --timings output");
        }
        else
        {
            var list = string.Join(' ', delays.Select(d => d!.Value.ToString("F1", inv)));
            p = new Figure("bkp-probe", delays.Min(), Ms, $"best of {list} ms");
        }

        ctx.Log.WriteLine($"  start to first byte: {p.Detail}");

        // Context, not targets: the runtime's own start and exit, and a native tool's whole life on an empty file.
        var help = ctx.Sampler.Best(new ToolCommand("bkp-probe --help", ctx.ProbePath, ["--help"]), Runs);
        var empty = Path.Combine(ctx.Layout.ScratchRoot, "empty");
        Directory.CreateDirectory(ctx.Layout.ScratchRoot);
        File.WriteAllBytes(empty, []);
        var openssl = ctx.Sampler.Best(ctx.Tool("openssl on an empty file", "openssl", ["dgst", "-sha256", empty]), Runs);

        return new ScenarioResult
        {
            Id = "5b",
            Title = title,
            Probe = p,
            Others = [WallMs("bkp-probe --help, start to exit", help), WallMs("openssl empty file, start to exit", openssl)],
            Target = string.Create(inv, $"< {TargetMs} ms"),
            Verdict = Verdicts.Below(p, p.Value, TargetMs),
            Notes =
            [
                $"fresh --state-dir each run; {Runs} runs on scenario 1's folder; the clock starts immediately before Process.Start",
                "the other figures are whole process lifetimes (start to exit), for scale only",
            ],
            Commands = [probe.Command.Display, help.Command.Display, openssl.Command.Display],
        };
    }

    private static Figure WallMs(string tool, Sample sample) => sample.Best is { } best
        ? new Figure(tool, best.Elapsed.TotalMilliseconds, Ms, $"best of {sample.TimesText}")
        : Figure.Missing(tool, Ms, sample.Failure ?? "not run");
}
