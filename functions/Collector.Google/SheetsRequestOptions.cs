using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace MonitoramentoBKP.Collector.Google;

/// <summary>
/// Which requests may be repeated blindly. A write whose answer was lost (5xx, timeout) may or may not have been
/// applied: an append repeated then would add its rows twice, so only idempotent requests are retried on those;
/// a 429 was refused before anything was applied, so every request is retried on it.
/// </summary>
public static class SheetsRequestOptions
{
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("MonitoramentoBKP.Idempotent");

    public static HttpRetryStrategyOptions Retry(GoogleSheetOptions options) => new()
    {
        MaxRetryAttempts = options.MaxRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryDelay,
        MaxDelay = options.MaxRetryDelay,
        ShouldRetryAfterHeader = true,
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage())),
    };

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        if (outcome.Result is { StatusCode: System.Net.HttpStatusCode.TooManyRequests })
        {
            return true;
        }

        var uncertain = outcome.Exception is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            || outcome.Result is { } r && ((int)r.StatusCode >= 500 || r.StatusCode == System.Net.HttpStatusCode.RequestTimeout);
        return uncertain && request is not null && request.Options.TryGetValue(Idempotent, out var idempotent) && idempotent;
    }
}
