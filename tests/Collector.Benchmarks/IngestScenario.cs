using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>
/// Part 2: the local host on its own Azurite; the sample registry imported and the bench branches added one by
/// one; then every probe posts its manifests in sequence, all probes at once; then the checks.
/// </summary>
public static class IngestScenario
{
    /// <summary>Registry branches on the same template, used to warm the host up without touching the bench branches.</summary>
    private static readonly string[] WarmupBranches = ["F003", "F004", "F006", "F007", "F009"];

    public static async Task<IngestResult> RunAsync(BenchOptions options, TextWriter log)
    {
        var now = DateTime.UtcNow;
        var plans = FleetBuilder.Build(options.Probes, options.ManifestsPerProbe, now);
        var warmup = WarmupBranches.Select((id, i) => FleetBuilder.Plan(id, id, 1000 + i, 3, now)).ToList();
        var uploads = plans.SelectMany(p => p.Uploads).ToList();
        log.WriteLine($"ingest: {options.Probes} probes × {options.ManifestsPerProbe} manifests, 2 sets × {FleetBuilder.FilesPerSet} files each, " +
            $"{Units.Bytes(uploads.Average(u => u.Body.Length))} gzip ({Units.Bytes(uploads.Average(u => u.JsonBytes))} JSON) per manifest");

        await using var host = await LocalHostProcess.StartAsync().ConfigureAwait(false);
        log.WriteLine($"ingest: local host pid {host.ProcessId} on {host.Address} ready in {Units.Number(host.StartupTime.TotalSeconds)} s, Azurite pid {string.Join(", ", host.AzuritePids)}");

        var importMs = await TimeAsync(() => SendAsync(host.Client, HttpMethod.Post, "api/branches/import", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "registry", "branches.json")))).ConfigureAwait(false);
        var puts = new List<double>();
        foreach (var plan in plans)
        {
            puts.Add(await TimeAsync(() => SendAsync(host.Client, HttpMethod.Put, $"api/branches/{plan.BranchId}", plan.RegistryEntry)).ConfigureAwait(false));
        }

        log.WriteLine($"ingest: registry imported in {Units.Ms(importMs)}; {plans.Count} branches added with PUT: {LatencySummary.Of(puts).Text}; first {Units.Ms(puts[0])}, last {Units.Ms(puts[^1])}");

        using var keys = await ProbeKeys.EnrollAsync(host, plans.Concat(warmup).Select(p => p.BranchId)).ConfigureAwait(false);
        var warm = await PostAllAsync(host.Address, warmup, keys).ConfigureAwait(false);
        if (warm.Outcomes.FirstOrDefault(o => o.Status != 202) is { } failed)
        {
            throw new BenchSetupException($"a warm-up manifest for {failed.Upload.BranchId} was answered {failed.Status}: {failed.Error}\n{host.OutputTail}");
        }

        log.WriteLine($"ingest: warm-up, {warm.Outcomes.Count} manifests to registry branches: {LatencySummary.Of(warm.Outcomes.Select(o => o.LatencyMs)).Text}");

        using var self = Process.GetCurrentProcess();
        var (hostCpu, azuriteCpu) = host.CpuTime();
        var harnessCpu = self.TotalProcessorTime;
        var timed = await PostAllAsync(host.Address, plans, keys).ConfigureAwait(false);
        var (hostCpuAfter, azuriteCpuAfter) = host.CpuTime();
        self.Refresh();
        var harnessCpuAfter = self.TotalProcessorTime;
        var latency = LatencySummary.Of(timed.Outcomes.Select(o => o.LatencyMs));
        log.WriteLine($"ingest: {timed.Outcomes.Count} manifests in {Units.Number(timed.Elapsed.TotalSeconds)} s = {Units.Number(timed.Outcomes.Count / timed.Elapsed.TotalSeconds)} manifests/s; latency {latency.Text}");

        var answers = IngestChecks.Answers(plans, timed.Outcomes);
        var before = await ViewsAsync(host.Client, plans).ConfigureAwait(false);
        var state = IngestChecks.State(plans, before);
        var resendPlans = plans.Select(p => p with { Uploads = p.Uploads.Count > 1 ? [p.Uploads[0], p.Uploads[^1]] : [p.Uploads[0]] }).ToList();
        var (hostCpuResend, azuriteCpuResend) = host.CpuTime();
        var resent = await PostAllAsync(host.Address, resendPlans, keys).ConfigureAwait(false);
        var (hostCpuResent, azuriteCpuResent) = host.CpuTime();
        var after = await ViewsAsync(host.Client, plans).ConfigureAwait(false);
        var verification = IngestChecks.Combine(answers, state, IngestChecks.Resends(resent.Outcomes, before, after));
        var shutdown = await host.StopAsync().ConfigureAwait(false);

        var round = plans.SelectMany(p => p.Uploads.Select((u, k) => (u.RunId, k))).ToDictionary(x => x.RunId, x => x.k);
        var rounds = timed.Outcomes.GroupBy(o => round[o.Upload.RunId]).OrderBy(g => g.Key).Select(g => LatencySummary.Of(g.Select(o => o.LatencyMs)).P50Ms).ToList();
        return new IngestResult
        {
            Probes = options.Probes,
            ManifestsPerProbe = options.ManifestsPerProbe,
            HostStartupSeconds = host.StartupTime.TotalSeconds,
            ImportMs = importMs,
            PutBranch = LatencySummary.Of(puts),
            FirstPutMs = puts[0],
            LastPutMs = puts[^1],
            Warmup = LatencySummary.Of(warm.Outcomes.Select(o => o.LatencyMs)),
            MeanBodyBytes = uploads.Average(u => u.Body.Length),
            MeanJsonBytes = uploads.Average(u => u.JsonBytes),
            Posted = timed.Outcomes.Count,
            ElapsedSeconds = timed.Elapsed.TotalSeconds,
            ManifestsPerSecond = timed.Outcomes.Count / timed.Elapsed.TotalSeconds,
            Latency = latency,
            MedianMsByRound = rounds,
            HostCpuSeconds = (hostCpuAfter - hostCpu).TotalSeconds,
            AzuriteCpuSeconds = (azuriteCpuAfter - azuriteCpu).TotalSeconds,
            HarnessCpuSeconds = (harnessCpuAfter - harnessCpu).TotalSeconds,
            AnswersByStatus = timed.Outcomes.GroupBy(o => o.Status == 0 ? "no answer" : $"HTTP {o.Status}").ToDictionary(g => g.Key, g => g.Count()),
            FinalSetStatuses = before.SelectMany(v => v.Sets).GroupBy(s => s.Status).ToDictionary(g => g.Key, g => g.Count()),
            Resent = LatencySummary.Of(resent.Outcomes.Select(o => o.LatencyMs)),
            ResentHostCpuSeconds = (hostCpuResent - hostCpuResend).TotalSeconds,
            ResentAzuriteCpuSeconds = (azuriteCpuResent - azuriteCpuResend).TotalSeconds,
            Verification = verification,
            Shutdown = shutdown,
        };
    }

    /// <summary>Every plan's probe at once, each posting its manifests in order; started together behind one gate.</summary>
    private static async Task<(IReadOnlyList<PostOutcome> Outcomes, TimeSpan Elapsed)> PostAllAsync(Uri address, IReadOnlyList<ProbePlan> plans, ProbeKeys keys)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probes = plans.Select(async plan =>
        {
            using var client = new ProbeClient(address, keys);
            await gate.Task.ConfigureAwait(false);
            var outcomes = new List<PostOutcome>(plan.Uploads.Count);
            foreach (var upload in plan.Uploads)
            {
                outcomes.Add(await client.PostAsync(upload).ConfigureAwait(false));
            }

            return outcomes;
        }).ToList();

        var clock = Stopwatch.StartNew();
        gate.SetResult();
        var all = await Task.WhenAll(probes).ConfigureAwait(false);
        return (all.SelectMany(o => o).ToList(), clock.Elapsed);
    }

    private static async Task<IReadOnlyList<BranchView>> ViewsAsync(HttpClient client, IReadOnlyList<ProbePlan> plans)
    {
        var views = new List<BranchView>(plans.Count);
        foreach (var plan in plans)
        {
            views.Add(await BranchView.GetAsync(client, plan.BranchId).ConfigureAwait(false));
        }

        return views;
    }

    private static async Task SendAsync(HttpClient client, HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")) };
        using var response = await client.SendAsync(request).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchSetupException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
        }
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var start = Stopwatch.GetTimestamp();
        await action().ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
