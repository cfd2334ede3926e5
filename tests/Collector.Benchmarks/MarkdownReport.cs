using System.Globalization;
using System.Text;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>collector-bench.md: the same figures as the console, as tables to paste into a pull request.</summary>
public static class MarkdownReport
{
    public static void Write(BenchReport report, string path)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine("# Collector benchmark").AppendLine();
        md.AppendLine(inv, $"{report.GeneratedUtc:yyyy-MM-dd HH:mm} UTC, {report.Mode} run (`scripts/bench-collector{(report.Mode == "quick" ? " --quick" : "")}{(report.Command is { Length: > 0 } command ? " " + command : "")}`).").AppendLine();
        md.AppendLine("## Machine").AppendLine();
        foreach (var line in ConsoleReport.Header(report.Machine, report.LocalHostGc))
        {
            md.AppendLine(inv, $"- {Escape(line)}");
        }

        if (report.Judging is { } j)
        {
            md.AppendLine().AppendLine("## Judging one manifest, in-process").AppendLine();
            md.AppendLine(inv, $"One set of {Units.Count(j.Files)} files ({Units.Bytes(j.JsonBytes)} JSON, {Units.Bytes(j.GzipBytes)} gzip), 30 remembered backups, the previous manifest's {Units.Count(j.Files)} files as known files. Verdict: {Escape(j.Verdict)}.").AppendLine();
            Table(md, j.Figures);
            md.AppendLine().AppendLine(inv, $"Everything ingest does in-process for such a manifest (read path + previous manifest + judgement + sweep plan): **{Units.Ms(j.InProcessIngestCpuMs)} CPU**, before any storage round trip.").AppendLine();
            md.AppendLine("Where the rules' time goes (the backup list sorted once, then each rule on a context that already has it):").AppendLine();
            Table(md, j.Breakdown.OrderByDescending(b => b.WallMedianMs).ToList());
        }

        if (report.Signing is { } sg)
        {
            md.AppendLine().AppendLine("## Signature check of a probe request, in-process").AppendLine();
            md.AppendLine(inv, $"{sg.Iterations} requests, each signed anew, with a {Units.Bytes(sg.BodyBytes)} body: the whole check (parse, key, times, Content-Digest, ECDSA verify, nonce) p50 **{Units.Number(sg.FullUs.P50Ms)} µs** (p99 {Units.Number(sg.FullUs.P99Ms)} µs); ECDSA P-256 verify alone {Units.Number(sg.VerifyUs.P50Ms)} µs; SHA-256 of the body {Units.Number(sg.DigestUs.P50Ms)} µs.");
            if (sg.Ratio is { } ratio)
            {
                md.AppendLine().AppendLine(inv, $"Against the ingest run's {Units.Ms(sg.IngestHostCpuMsPerManifest!.Value)} of host CPU per manifest: throughput with the check / without it ≈ **{ratio:F4}** (goal ≥ 0.9; from the CPU share, as the product has no unsigned path to run instead).");
            }
        }

        if (report.Ingest is { } r)
        {
            md.AppendLine().AppendLine("## Ingest on the local host with Azurite").AppendLine();
            md.AppendLine("| Figure | Value |");
            md.AppendLine("|---|---|");
            md.AppendLine(inv, $"| Probes × manifests | {r.Probes} × {r.ManifestsPerProbe} = {Units.Count(r.Posted)} ({Units.Bytes(r.MeanBodyBytes)} gzip, {Units.Bytes(r.MeanJsonBytes)} JSON each; 2 sets × {FleetBuilder.FilesPerSet} files) |");
            md.AppendLine(inv, $"| Throughput | **{Units.Number(r.ManifestsPerSecond)} manifests/s** ({r.ElapsedSeconds:F2} s) |");
            md.AppendLine(inv, $"| Latency per POST | p50 {Units.Ms(r.Latency.P50Ms)}, p99 {Units.Ms(r.Latency.P99Ms)}, max {Units.Ms(r.Latency.MaxMs)}, mean {Units.Ms(r.Latency.MeanMs)} |");
            md.AppendLine(inv, $"| Median latency by round | {string.Join(", ", r.MedianMsByRound.Select(Units.Number))} ms |");
            md.AppendLine(inv, $"| CPU during the timed phase | local host {Units.Number(r.HostCpuSeconds)} s, Azurite {Units.Number(r.AzuriteCpuSeconds)} s, probes (harness) {Units.Number(r.HarnessCpuSeconds)} s; host + Azurite {Units.Ms((r.HostCpuSeconds + r.AzuriteCpuSeconds) * 1000 / r.Posted)} per manifest |");
            md.AppendLine(inv, $"| Answers | {string.Join(", ", r.AnswersByStatus.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"))} |");
            md.AppendLine(inv, $"| Final set statuses | {string.Join(", ", r.FinalSetStatuses.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"))} |");
            md.AppendLine(inv, $"| Re-sent manifests (answered 200, stop after two storage reads) | {Escape(r.Resent.Text)}; CPU per re-send: host {Units.Ms(r.ResentHostCpuSeconds * 1000 / Math.Max(1, r.Resent.Count))}, Azurite {Units.Ms(r.ResentAzuriteCpuSeconds * 1000 / Math.Max(1, r.Resent.Count))} |");
            md.AppendLine(inv, $"| Setup | host ready in {r.HostStartupSeconds:F1} s; registry import {Units.Ms(r.ImportMs)}; PUT branch {Escape(r.PutBranch.Text)}, first {Units.Ms(r.FirstPutMs)}, last {Units.Ms(r.LastPutMs)} |");
            md.AppendLine(inv, $"| Warm-up (not timed) | {Escape(r.Warmup.Text)} |");
            md.AppendLine(inv, $"| Shutdown | {Escape(r.Shutdown)} |");
            md.AppendLine().AppendLine(inv, $"### Verification: **{r.Verification.Verdict}**").AppendLine();
            foreach (var check in r.Verification.Checks)
            {
                md.AppendLine(inv, $"- {Escape(check)}");
            }

            foreach (var problem in r.Verification.Problems)
            {
                md.AppendLine(inv, $"- **problem:** {Escape(problem)}");
            }
        }

        if (report.Bombs is { } bombs)
        {
            BombReport.Markdown(md, bombs);
        }

        md.AppendLine().AppendLine("## Notes").AppendLine();
        foreach (var note in report.Notes)
        {
            md.AppendLine(inv, $"- {Escape(note)}");
        }

        md.AppendLine().AppendLine(inv, $"**Result:** {Escape(report.Result)}");
        File.WriteAllText(path, md.ToString().TrimEnd() + "\n");
    }

    private static void Table(StringBuilder md, IReadOnlyList<CallStats> figures)
    {
        md.AppendLine("| # | Measured | CPU/call | Wall p50 | Wall p99 | Wall max | Allocated/call | Calls | First call | GC 0/1/2 | Target | Result |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in figures)
        {
            var gc = string.Join('/', s.Collections.Select(c => c.ToString(CultureInfo.InvariantCulture)));
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Id} | {Escape(s.Title.Trim())}{string.Concat(s.Notes.Select(n => $" ({Escape(n)})"))} | {Units.Ms(s.CpuMsPerCall)} | {Units.Ms(s.WallMedianMs)} | {Units.Ms(s.WallP99Ms)} | {Units.Ms(s.WallMaxMs)} | {Units.Bytes(s.AllocatedBytesPerCall)} | {Units.Count(s.Iterations)} | {Units.Ms(s.FirstCallMs)} | {gc} | {Escape(s.Target ?? "")} | {(s.Verdict is null ? "" : $"**{s.Verdict}**")} |");
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
