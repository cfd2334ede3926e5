using System.Globalization;

namespace MonitoramentoBKP.Benchmarks;

/// <summary>The plain-text lines printed during and after a run; one line per scenario, greppable for PASS/MISS.</summary>
public static class ConsoleReport
{
    public static IEnumerable<string> Header(MachineInfo m, ProbeBinaryInfo probe, IReadOnlyList<ToolInfo> tools)
    {
        var inv = CultureInfo.InvariantCulture;
        yield return $"machine: {m.CpuModel}, {m.Cores} cores, sha_ni {(m.ShaNi ? "yes" : "no")}, kernel {m.Kernel}, {m.Os}";
        yield return string.Create(inv, $"memory: {m.MemTotalGiB:F1} GiB total, {m.MemAvailableGiB:F1} GiB available; work folder on {m.WorkFileSystem}, {m.WorkFreeGiB:F1} GiB free");
        yield return $"dotnet: SDK {m.DotnetSdk}; harness on {m.HarnessRuntime}";
        yield return string.Create(inv, $"probe: {probe.Path}, version {probe.Version} ({probe.SizeBytes / (double)DataPlan.MiB:F1} MiB, {probe.Kind})");
        foreach (var tool in tools)
        {
            yield return tool.Path is null ? $"tool: {tool.Name}: not installed (n/a)" : $"tool: {tool.Name}: {tool.Version} ({tool.Path})";
        }
    }

    public static string Line(ScenarioResult r)
    {
        var others = r.Others.Count == 0 ? "-" : string.Join("; ", r.Others.Select(o => $"{o.Tool} {o.ValueText}"));
        var ratios = r.Ratios.Count == 0 ? "-" : string.Join("; ", r.Ratios.Select(x => x.Text));
        return $"[{r.Id}] {r.Title} | bkp-probe {r.Probe.ValueText} | {others} | {ratios} | target {r.Target} | {Verdicts.Text(r.Verdict)}";
    }

    public static void Summary(BenchReport report, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"=== bkp-probe benchmark ({report.Mode}, best of {report.Repetitions}) ===");
        foreach (var line in Header(report.Machine, report.ProbeBinary, []))
        {
            output.WriteLine(line);
        }

        foreach (var note in report.Notes)
        {
            output.WriteLine($"note: {note}");
        }

        foreach (var scenario in report.Scenarios)
        {
            output.WriteLine(Line(scenario));
            foreach (var note in scenario.Notes)
            {
                output.WriteLine($"      {note}");
            }
        }

        var missed = report.Scenarios.Where(s => s.Verdict != Verdict.Pass).Select(s => $"{s.Id} {Verdicts.Text(s.Verdict)}").ToList();
        output.WriteLine(missed.Count == 0 ? "result: every target met" : $"result: {report.Scenarios.Count - missed.Count} of {report.Scenarios.Count} targets met; not met: {string.Join(", ", missed)}");
    }
}
