using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>
/// Part 3: memory and health under concurrent gzip bombs. For each load in turn — honest manifests first, then each
/// bomb shape — a fresh local host on its own Azurite, a registry of one template, one warm-up manifest, the host's
/// idle resident size; then the load as rounds of eight requests at once, while the host's RSS is read every 20 ms
/// and GET /api/health is timed every 50 ms; 5 s after the load's last answer its RSS is read again.
/// </summary>
public static class BombScenario
{
    public const int Concurrent = 8;

    /// <summary>The goals of the issue: at most 300 MB above idle under the bombs (a Flex Consumption instance has 2 GB), health under 100 ms.</summary>
    public const double PeakGoalBytes = 300e6;

    public const double HealthGoalMs = 100;

    private static readonly TimeSpan RssEvery = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan HealthEvery = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    /// <summary>No round starts after a load has run this long (each request has its own 100 s timeout).</summary>
    private static readonly TimeSpan LoadTimeLimit = TimeSpan.FromSeconds(90);

    public static async Task<BombResult> RunAsync(BenchOptions options, TextWriter log)
    {
        var now = DateTime.UtcNow;
        var build = Stopwatch.StartNew();
        var loads = BombLoads.Build(options.Rounds, now);
        var warmup = BombLoads.Warmup(now);
        log.WriteLine($"bombs: {loads.Count} loads of {options.Rounds} round(s) × {Concurrent} concurrent requests built in {Units.Number(build.Elapsed.TotalSeconds)} s:");
        foreach (var load in loads)
        {
            log.WriteLine($"  {load.Id}: {load.Title}; {Units.Bytes(load.Requests.Average(r => r.Body.Length))} gzip → {Units.Bytes(load.Requests.Average(r => (double)r.JsonBytes))} inflated");
        }

        var results = new List<BombLoadResult>();
        foreach (var load in loads)
        {
            // A host of its own for each load, so each figure starts from a host at rest, not from what the load before left.
            await using var host = await LocalHostProcess.StartAsync().ConfigureAwait(false);
            var (ready, idle, keys) = await PrepareAsync(host, warmup).ConfigureAwait(false);
            using var enrolled = keys;
            var result = await RunLoadAsync(host, load, options.Rounds, idle, keys).ConfigureAwait(false);
            results.Add(result with
            {
                HostStartupSeconds = host.StartupTime.TotalSeconds,
                ReadyRssBytes = ready,
                Shutdown = await host.StopAsync().ConfigureAwait(false),
            });
            log.WriteLine(BombReport.Line(results[^1]));
        }

        var answersRight = results.All(r => r.Verdict != "FAIL");
        var bombs = results.Where(r => !r.Honest).ToList();
        var worst = bombs.MaxBy(r => r.PeakAboveIdleBytes)!;
        var slowest = bombs.MaxBy(r => r.Health.Latency.P99Ms)!;
        var verdict = results.All(r => r.Verdict == "PASS") ? "PASS" : answersRight ? "MISS" : "FAIL";
        return new BombResult
        {
            Concurrent = Concurrent,
            Rounds = options.Rounds,
            PeakGoalBytes = PeakGoalBytes,
            HealthGoalMs = HealthGoalMs,
            Loads = results,
            AnswersRight = answersRight,
            Verdict = $"{verdict}: worst bomb peak {Units.Bytes(worst.PeakAboveIdleBytes)} above idle ({worst.Id}; goal < {Units.Bytes(PeakGoalBytes)}), " +
                $"slowest health p99 {Units.Ms(slowest.Health.Latency.P99Ms)} ({slowest.Id}; goal < {Units.Ms(HealthGoalMs)})" +
                (answersRight ? ", every answer a 4xx refusal, a 503 with Retry-After or an acceptance" : ", WRONG ANSWERS (see the loads)"),
            Shutdown = results.All(r => r.Shutdown.StartsWith("host stopped on SIGTERM", StringComparison.Ordinal) && r.Shutdown.EndsWith("its Azurite stopped too", StringComparison.Ordinal))
                ? $"all {results.Count} hosts stopped on SIGTERM, and their Azurite with them"
                : string.Join("; ", results.Select(r => $"{r.Id}: {r.Shutdown}")),
        };
    }

    /// <summary>The registry imported and one real manifest accepted (so the ingest path is compiled), then the host's resident size at rest.</summary>
    private static async Task<(long Ready, long Idle, ProbeKeys Keys)> PrepareAsync(LocalHostProcess host, ProbeUpload warmup)
    {
        var ready = RssSampler.Read(host.ProcessId) ?? 0;
        await SendAsync(host.Client, "api/branches/import", BombLoads.Registry()).ConfigureAwait(false);

        // Every branch's probe enrolled, so the bombs are signed as a stolen key would sign them and reach the parser.
        var keys = await ProbeKeys.EnrollAsync(host, BombLoads.Branches.Append(BombLoads.WarmupBranch)).ConfigureAwait(false);
        using (var probe = new ProbeClient(host.Address, keys))
        {
            var warm = await probe.PostAsync(warmup).ConfigureAwait(false);
            if (warm.Status != 202)
            {
                throw new BenchSetupException($"the warm-up manifest was answered {warm.Status}: {warm.Error}\n{host.OutputTail}");
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        return (ready, await RssSampler.SettledAsync(host.ProcessId, TimeSpan.FromSeconds(1)).ConfigureAwait(false), keys);
    }

    private static async Task<BombLoadResult> RunLoadAsync(LocalHostProcess host, BombLoad load, int rounds, long idle, ProbeKeys keys)
    {
        var before = RssSampler.Read(host.ProcessId) ?? 0;
        var clients = Enumerable.Range(0, Concurrent).Select(_ => new ProbeClient(host.Address, keys)).ToList();
        try
        {
            return await RunLoadAsync(host, load, rounds, idle, before, clients).ConfigureAwait(false);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private static async Task<BombLoadResult> RunLoadAsync(LocalHostProcess host, BombLoad load, int rounds, long idle, long before, IReadOnlyList<ProbeClient> clients)
    {
        var outcomes = new List<PostOutcome>(load.Requests.Count);
        var done = 0;
        HealthSamples health;
        long after;
        long peak;
        TimeSpan elapsed;
        using (var rss = RssSampler.Start(host.ProcessId, RssEvery))
        {
            using var stopHealth = new CancellationTokenSource();
            var sampling = HealthSampler.RunAsync(host.Address, HealthEvery, LoadTimeLimit * 2, stopHealth.Token);
            var clock = Stopwatch.StartNew();
            for (var round = 0; round < rounds && clock.Elapsed < LoadTimeLimit; round++)
            {
                var batch = load.Requests.Skip(round * Concurrent).Take(Concurrent).ToList();
                var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var posts = batch.Select(async (upload, i) =>
                {
                    await gate.Task.ConfigureAwait(false);
                    return await clients[i].PostAsync(upload).ConfigureAwait(false);
                }).ToList();
                gate.SetResult();
                outcomes.AddRange(await Task.WhenAll(posts).ConfigureAwait(false));
                done++;
            }

            elapsed = clock.Elapsed;
            await stopHealth.CancelAsync().ConfigureAwait(false);
            health = await sampling.ConfigureAwait(false);
            var wait = elapsed + Settle - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait).ConfigureAwait(false);
            }

            after = RssSampler.Read(host.ProcessId) ?? 0;
            peak = Math.Max(rss.Stop(), after);
            return Judge(load, done, outcomes, elapsed, before, peak, after, idle, rss.Samples, health);
        }
    }

    private static BombLoadResult Judge(BombLoad load, int rounds, IReadOnlyList<PostOutcome> outcomes, TimeSpan elapsed, long before, long peak, long after, long idle, int samples, HealthSamples health)
    {
        static string Key(PostOutcome o) => o.Status == 0 ? "no answer" : $"HTTP {o.Status}";
        var problems = new List<string>();
        foreach (var group in outcomes.Where(o => !load.Expected.Contains(o.Status)).GroupBy(Key))
        {
            problems.Add($"{group.Count()} answered {group.Key} (expected {string.Join(" or ", load.Expected.Order())}): {group.First().Error}");
        }

        var bare = outcomes.Count(o => o.Status == 503 && o.RetryAfterSeconds is null);
        if (bare > 0)
        {
            problems.Add($"{bare} answered 503 without Retry-After (the probe would not know when to retry)");
        }

        var peakAbove = peak - idle;
        var peakRatio = peakAbove / PeakGoalBytes;
        var healthRatio = health.Latency.P99Ms / HealthGoalMs;
        var goalsMet = peakAbove < PeakGoalBytes && health.Latency.P99Ms < HealthGoalMs && health.Failures == 0;
        return new BombLoadResult
        {
            Id = load.Id,
            Title = load.Title,
            Honest = load.Honest,
            MeanGzipBytes = load.Requests.Average(r => r.Body.Length),
            MeanInflatedBytes = load.Requests.Average(r => (double)r.JsonBytes),
            FilesPerBody = load.FilesPerBody,
            Rounds = rounds,
            Requests = outcomes.Count,
            ElapsedSeconds = elapsed.TotalSeconds,
            AnswersByStatus = outcomes.GroupBy(Key).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            DetailByStatus = outcomes.Where(o => o.Error is not null).GroupBy(Key).ToDictionary(g => g.Key, g => g.First().Error!),
            Expected = load.Expected.Order().ToList(),
            PostLatency = LatencySummary.Of(outcomes.Select(o => o.LatencyMs)),
            IdleRssBytes = idle,
            RssBeforeBytes = before,
            PeakRssBytes = peak,
            RssAfterBytes = after,
            PeakAboveIdleBytes = peakAbove,
            AfterAboveIdleBytes = after - idle,
            RssSamples = samples,
            Health = health,
            Problems = problems,
            Verdict = problems.Count > 0 ? "FAIL" : goalsMet ? "PASS" : "MISS",
            Ratio = string.Create(CultureInfo.InvariantCulture, $"peak {peakRatio:F2}× the memory goal, health p99 {healthRatio:F2}× the latency goal")
                + (health.Failures > 0 ? $", {health.Failures} health checks failed ({health.FirstFailure})" : ""),
        };
    }

    private static async Task SendAsync(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchSetupException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
        }
    }
}
