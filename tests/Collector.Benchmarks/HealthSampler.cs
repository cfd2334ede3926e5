using System.Diagnostics;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>
/// What a load balancer's health check sees while the host is under load: GET /api/health every 50 ms (the next
/// one right away when an answer took longer), on a connection of its own, each given 5 s.
/// </summary>
public static class HealthSampler
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Samples until <paramref name="stop"/> is cancelled, or for <paramref name="limit"/> at most.</summary>
    public static async Task<HealthSamples> RunAsync(Uri address, TimeSpan every, TimeSpan limit, CancellationToken stop)
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 1, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        var latencies = new List<double>();
        var failures = 0;
        string? firstFailure = null;
        var clock = Stopwatch.StartNew();
        var next = TimeSpan.Zero;
        while (!stop.IsCancellationRequested && clock.Elapsed < limit)
        {
            var start = Stopwatch.GetTimestamp();
            string? failure = null;
            try
            {
                using var timeout = new CancellationTokenSource(Timeout);
                using var response = await client.GetAsync(new Uri("api/health", UriKind.Relative), HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    failure = $"HTTP {(int)response.StatusCode}";
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                failure = e is TaskCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : $"{e.GetType().Name}: {e.Message}";
            }

            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (failure is not null)
            {
                failures++;
                firstFailure ??= failure;
            }

            next += every;
            var wait = next - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            else
            {
                next = clock.Elapsed;
            }
        }

        return new HealthSamples(LatencySummary.Of(latencies), failures, firstFailure);
    }
}
