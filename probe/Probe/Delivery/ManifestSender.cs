using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>
/// Delivers a <see cref="ManifestPackage"/> to the collector (<see cref="ManifestUpload"/>): 200/201/202 is
/// delivered; 408, 429, 5xx, no answer and timeouts are retried with growing waits; anything else is a refusal,
/// not retried. The waiting is injectable so tests do not sleep; nothing here knows of a console.
/// </summary>
public sealed class ManifestSender(
    HttpClient http,
    DeliveryOptions options,
    TimeProvider time,
    Func<TimeSpan, CancellationToken, Task>? delay = null,
    Func<double>? random = null)
{
    /// <summary>A problem+json body is a few hundred bytes; anything longer is not read whole.</summary>
    private const int MaxProblemBytes = 64 * 1024;

    private readonly Func<TimeSpan, CancellationToken, Task> _delay = delay ?? ((wait, token) => Task.Delay(wait, time, token));
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    public async Task<DeliveryResult> SendAsync(ManifestPackage package, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            var (result, retryAfter) = await AttemptAsync(package, attempt, cancellationToken).ConfigureAwait(false);
            if (result.Outcome != DeliveryOutcome.NotDelivered || attempt >= options.MaxAttempts)
            {
                return result;
            }

            if (RetryDelay.Next(attempt, retryAfter, options.BaseDelay, options.MaxTotalDelay - waited, _random()) is not { } wait)
            {
                return result;
            }

            await _delay(wait, cancellationToken).ConfigureAwait(false);
            waited += wait;
        }
    }

    private async Task<(DeliveryResult Result, TimeSpan? RetryAfter)> AttemptAsync(ManifestPackage package, int attempt, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Real time even when the clock is faked: this guards against a socket that really stalls.
        timeout.CancelAfter(options.AttemptTimeout);
        try
        {
            using var response = options.Signer is { } signer
                ? await signer.SendAsync(http, () => Request(package), package.ContentDigest, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false)
                : await SendUnsignedAsync(package, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is 200 or 201 or 202)
            {
                return (new DeliveryResult { Outcome = DeliveryOutcome.Delivered, Attempts = attempt, StatusCode = status }, null);
            }

            if (status is 408 or 429 or >= 500)
            {
                return (new DeliveryResult { Outcome = DeliveryOutcome.NotDelivered, Attempts = attempt, StatusCode = status }, RetryAfter(response));
            }

            var problem = await ReadProblemAsync(response, timeout.Token).ConfigureAwait(false);
            return (new DeliveryResult
            {
                Outcome = DeliveryOutcome.Refused,
                Attempts = attempt,
                StatusCode = status,
                Title = problem?.Title,
                Detail = problem?.Detail ?? response.Headers.Location?.OriginalString,
            }, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (new DeliveryResult { Outcome = DeliveryOutcome.NotDelivered, Attempts = attempt, TimedOut = true }, null);
        }
        catch (HttpRequestException e)
        {
            // The inner exception often holds the useful part ("... certificate chain: UntrustedRoot").
            var error = e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{e.Message} ({inner.Message})" : e.Message;
            return (new DeliveryResult { Outcome = DeliveryOutcome.NotDelivered, Attempts = attempt, Error = error }, null);
        }
    }

    /// <summary>Without a signer (tests of the delivery rules alone): the collector refuses it, as it refuses any unsigned request.</summary>
    private async Task<HttpResponseMessage> SendUnsignedAsync(ManifestPackage package, CancellationToken cancellationToken)
    {
        using var request = Request(package);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The one place that shapes the request (the signer adds its headers); the body is opened anew for every request, and closed with it.</summary>
    private HttpRequestMessage Request(ManifestPackage package)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, options.Endpoint) { Content = new StreamContent(package.OpenRead()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ManifestUpload.ContentType);
        request.Content.Headers.ContentEncoding.Add(ManifestUpload.ContentEncoding);
        request.Content.Headers.ContentLength = package.Length;
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("bkp-probe", options.ProbeVersion));
        request.Headers.Add(ManifestUpload.RunIdHeader, package.RunId.ToString("D"));
        request.Headers.Add(ManifestUpload.BranchHeader, package.BranchId);

        // The machine's own clock, uncorrected: the collector compares it with its own to warn of a wrong clock.
        request.Headers.Add(ManifestUpload.SentUtcHeader, time.GetUtcNow().UtcDateTime.ToString(ManifestUpload.SentUtcFormat, CultureInfo.InvariantCulture));
        return request;
    }

    /// <summary>Retry-After as seconds, or as a date read against the collector's own Date header so a wrong branch clock does not matter.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - (response.Headers.Date ?? time.GetUtcNow()),
        _ => null,
    };

    private static async Task<ProblemDetails?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!string.Equals(response.Content.Headers.ContentType?.MediaType, "application/problem+json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var buffer = new byte[MaxProblemBytes];
            var length = 0;
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }
            }

            return JsonSerializer.Deserialize(buffer.AsSpan(0, length), DeliveryJsonContext.Default.ProblemDetails);
        }
        catch (Exception e) when (e is JsonException or IOException or HttpRequestException or OperationCanceledException)
        {
            // The status code alone still says the manifest was refused.
            return null;
        }
    }
}
