using System.Globalization;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>The plain-text lines printed during and after a run; one line per figure, greppable for PASS/MISS/FAIL.</summary>
public static class ConsoleReport
{
    public static IEnumerable<string> Header(MachineInfo m, string localHostGc)
    {
        yield return $"machine: {m.CpuModel}, {m.Cores} cores, kernel {m.Kernel}, {m.Os}";
        yield return $"memory: {Units.GiB(m.MemTotalGiB)} total, {Units.GiB(m.MemAvailableGiB)} available";
        yield return $"dotnet: {m.Runtime}; harness GC workstation, non-concurrent; local host GC {localHostGc}";
    }

    public static string Line(CallStats s)
    {
        var gc = string.Join('/', s.Collections.Select(c => c.ToString(CultureInfo.InvariantCulture)));
        var target = s.Target is null ? "" : $" | target {s.Target} | {s.Verdict}";
        return $"[{s.Id}] {s.Title.Trim()} | CPU {Units.Ms(s.CpuMsPerCall)}/call | wall mean {Units.Ms(s.WallMeanMs)}, p50 {Units.Ms(s.WallMedianMs)}, p99 {Units.Ms(s.WallP99Ms)}, max {Units.Ms(s.WallMaxMs)} " +
            $"| {Units.Bytes(s.AllocatedBytesPerCall)} allocated/call | {Units.Count(s.Iterations)} calls, first {Units.Ms(s.FirstCallMs)}, GC {gc}{target}";
    }

    public static IEnumerable<string> Ingest(IngestResult r)
    {
        yield return $"[ingest.throughput] {r.Probes} concurrent probes × {r.ManifestsPerProbe} manifests ({Units.Bytes(r.MeanBodyBytes)} gzip each) | {Units.Number(r.ManifestsPerSecond)} manifests/s ({Units.Count(r.Posted)} in {r.ElapsedSeconds.ToString("F2", CultureInfo.InvariantCulture)} s)";
        yield return $"[ingest.latency] POST /api/manifests | {r.Latency.Text}";
        yield return $"[ingest.rounds] median latency of round 1 {Units.Ms(r.MedianMsByRound[0])}, round {r.MedianMsByRound.Count} {Units.Ms(r.MedianMsByRound[^1])} (all: {string.Join(", ", r.MedianMsByRound.Select(Units.Number))} ms)";
        var perManifest = (r.HostCpuSeconds + r.AzuriteCpuSeconds) * 1000 / r.Posted;
        yield return $"[ingest.cpu] local host {Units.Number(r.HostCpuSeconds)} s + Azurite {Units.Number(r.AzuriteCpuSeconds)} s CPU = {Units.Ms(perManifest)} per manifest (host {Units.Ms(r.HostCpuSeconds * 1000 / r.Posted)}, Azurite {Units.Ms(r.AzuriteCpuSeconds * 1000 / r.Posted)}); probes (this harness) {Units.Number(r.HarnessCpuSeconds)} s";
        yield return $"[ingest.answers] {string.Join(", ", r.AnswersByStatus.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {Units.Count(p.Value)}"))}; final set statuses {string.Join(", ", r.FinalSetStatuses.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"))}";
        yield return $"[ingest.resend] {r.Resent.Count} manifests re-sent: {r.Resent.Text}; CPU per re-send: host {Units.Ms(r.ResentHostCpuSeconds * 1000 / Math.Max(1, r.Resent.Count))}, Azurite {Units.Ms(r.ResentAzuriteCpuSeconds * 1000 / Math.Max(1, r.Resent.Count))}";
        foreach (var check in r.Verification.Checks)
        {
            yield return $"  check: {check}";
        }

        foreach (var problem in r.Verification.Problems)
        {
            yield return $"  PROBLEM: {problem}";
        }

        yield return $"[ingest.verify] nothing lost or counted twice | {r.Verification.Verdict}";
        yield return $"[ingest.setup] host ready in {r.HostStartupSeconds.ToString("F1", CultureInfo.InvariantCulture)} s; registry import {Units.Ms(r.ImportMs)}; PUT branch {r.PutBranch.Text}, first {Units.Ms(r.FirstPutMs)}, last {Units.Ms(r.LastPutMs)}; warm-up {r.Warmup.Text}";
        yield return $"[ingest.shutdown] {r.Shutdown}";
    }

    public static void Summary(BenchReport report, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"=== collector benchmark ({report.Mode}) ===");
        foreach (var line in Header(report.Machine, report.LocalHostGc))
        {
            output.WriteLine(line);
        }

        if (report.Judging is { } judging)
        {
            output.WriteLine($"judging: one set of {Units.Count(judging.Files)} files ({Units.Bytes(judging.JsonBytes)} JSON, {Units.Bytes(judging.GzipBytes)} gzip); verdict {judging.Verdict}");
            foreach (var figure in judging.Figures)
            {
                output.WriteLine(Line(figure));
                foreach (var note in figure.Notes)
                {
                    output.WriteLine($"      {note}");
                }
            }

            var costly = judging.Breakdown.Where(b => b.WallMedianMs >= 0.01).OrderByDescending(b => b.WallMedianMs).ToList();
            var others = judging.Breakdown.Count - costly.Count;
            output.WriteLine($"[judge.where] {string.Join(", ", costly.Select(b => $"{b.Id["rules.".Length..]} {Units.Ms(b.WallMedianMs)}"))}{(others > 0 ? $"; {others} other rules under 0.01 ms each" : "")} (wall median per call)");
            output.WriteLine($"[ingest.in-process] read + previous manifest + judgement + sweep plan = {Units.Ms(judging.InProcessIngestCpuMs)} CPU per 10,000-file manifest, before any storage round trip");
        }

        if (report.Ingest is { } ingest)
        {
            foreach (var line in Ingest(ingest))
            {
                output.WriteLine(line);
            }
        }

        if (report.Bombs is { } bombs)
        {
            foreach (var line in BombReport.Lines(bombs))
            {
                output.WriteLine(line);
            }
        }

        foreach (var note in report.Notes)
        {
            output.WriteLine($"note: {note}");
        }

        output.WriteLine($"result: {report.Result}");
    }
}
