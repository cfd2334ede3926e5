using System.Globalization;
using System.Text;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>The bombs scenario's lines in the console (one per load, greppable for PASS/MISS/FAIL) and its section of collector-bench.md.</summary>
public static class BombReport
{
    public static string Line(BombLoadResult r)
    {
        return $"[bombs.{r.Id}] {Body(r)} | {r.Requests} requests ({r.Rounds} × {BombScenario.Concurrent} at once) in {Units.Number(r.ElapsedSeconds)} s | " +
            $"answers {Answers(r)} | peak RSS {Signed(r.PeakAboveIdleBytes)} above idle {Units.Bytes(r.IdleRssBytes)} (goal < {Units.Bytes(BombScenario.PeakGoalBytes)}) | RSS 5 s after {Signed(r.AfterAboveIdleBytes)} | " +
            $"health p50 {Units.Ms(r.Health.Latency.P50Ms)}, p99 {Units.Ms(r.Health.Latency.P99Ms)}, max {Units.Ms(r.Health.Latency.MaxMs)} of {r.Health.Latency.Count} (goal p99 < {Units.Ms(BombScenario.HealthGoalMs)}) | " +
            $"{r.Ratio} | {(r.Honest ? $"reference: {r.Verdict}" : r.Verdict)}";
    }

    public static IEnumerable<string> Lines(BombResult b)
    {
        yield return $"[bombs.setup] a fresh host per load: ready in {string.Join(", ", b.Loads.Select(l => l.HostStartupSeconds.ToString("F1", CultureInfo.InvariantCulture)))} s " +
            $"at {string.Join(", ", b.Loads.Select(l => Units.Bytes(l.ReadyRssBytes)))} RSS; idle after the registry import and one warm-up manifest {string.Join(", ", b.Loads.Select(l => Units.Bytes(l.IdleRssBytes)))}";
        foreach (var load in b.Loads)
        {
            yield return Line(load);
            foreach (var problem in load.Problems)
            {
                yield return $"  PROBLEM: {problem}";
            }
        }

        yield return $"[bombs.verdict] {b.Verdict}";
        yield return $"[bombs.shutdown] {b.Shutdown}";
    }

    public static void Markdown(StringBuilder md, BombResult b)
    {
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine().AppendLine("## Concurrent gzip bombs on the local host").AppendLine();
        md.AppendLine(inv, $"Each load is {b.Rounds} round(s) of {b.Concurrent} requests at once to `POST /api/manifests`; meanwhile the host's RSS is read every 20 ms from /proc and `GET /api/health` is timed every 50 ms. " +
            $"Each load has a fresh host of its own; its idle RSS is the median over 1 s after the registry import and one warm-up manifest. " +
            $"Goals: peak under {Units.Bytes(b.PeakGoalBytes)} above idle, health p99 under {Units.Ms(b.HealthGoalMs)}; the honest load is the reference for what normal costs.").AppendLine();
        md.AppendLine("| Load | Body (gzip → inflated) | Requests | Answers | Peak RSS above idle (idle) | RSS 5 s after | Health p50 / p99 / max | POST p50 / max | Against the goals | Result |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in b.Loads)
        {
            md.AppendLine(inv,
                $"| {r.Id}: {Escape(r.Title)} | {Body(r)} | {r.Requests} | {Answers(r)} | **{Signed(r.PeakAboveIdleBytes)}** ({Units.Bytes(r.IdleRssBytes)}) | {Signed(r.AfterAboveIdleBytes)} | " +
                $"{Units.Ms(r.Health.Latency.P50Ms)} / **{Units.Ms(r.Health.Latency.P99Ms)}** / {Units.Ms(r.Health.Latency.MaxMs)} ({r.Health.Latency.Count}{(r.Health.Failures > 0 ? $", {r.Health.Failures} failed" : "")}) | " +
                $"{Units.Ms(r.PostLatency.P50Ms)} / {Units.Ms(r.PostLatency.MaxMs)} | {Escape(r.Ratio)} | **{(r.Honest ? $"reference: {r.Verdict}" : r.Verdict)}** |");
        }

        md.AppendLine().AppendLine("What the refusals said (the first of each status):").AppendLine();
        foreach (var r in b.Loads.Where(l => l.DetailByStatus.Count > 0))
        {
            foreach (var (status, detail) in r.DetailByStatus.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                md.AppendLine(inv, $"- {r.Id}, {status}: {Escape(detail)}");
            }
        }

        foreach (var r in b.Loads.Where(l => l.Problems.Count > 0))
        {
            foreach (var problem in r.Problems)
            {
                md.AppendLine(inv, $"- **problem ({r.Id}):** {Escape(problem)}");
            }
        }

        md.AppendLine().AppendLine(inv, $"**Bombs:** {Escape(b.Verdict)}. {Escape(b.Shutdown)}.");
    }

    private static string Body(BombLoadResult r) =>
        $"{Units.Bytes(r.MeanGzipBytes)} gzip → {Units.Bytes(r.MeanInflatedBytes)}{(r.FilesPerBody is { } files ? $" ({Units.Count(files)} files)" : "")}";

    private static string Answers(BombLoadResult r) =>
        string.Join(", ", r.AnswersByStatus.Select(p => $"{p.Key}: {p.Value}"));

    private static string Signed(long bytes) => bytes < 0 ? $"-{Units.Bytes(-bytes)}" : $"+{Units.Bytes(bytes)}";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
