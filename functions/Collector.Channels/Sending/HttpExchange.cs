using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace MonitoramentoBKP.Collector.Channels.Sending;

/// <summary>
/// Posts one message body and turns the answer into a <see cref="SendOutcome"/>, the same way for every HTTP
/// service: 2xx delivered; 429 wait as long as Retry-After (seconds or a date) or the service's body says; 5xx and
/// lost answers transient and uncertain; refused connections transient and certain not delivered; other 4xx
/// permanent, with the service's own words. Never repeats a send itself: a resend is the dispatcher's decision.
/// </summary>
internal sealed class HttpExchange(HttpClient http, TimeProvider time, string service)
{
    /// <summary>The wait after a 429 that names none.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    /// <param name="explain">The service's error text from an error body; null to show the body as it is.</param>
    /// <param name="retryAfterInBody">A wait the service gives in its 429 body (Telegram's parameters.retry_after).</param>
    /// <param name="advice">What to check after a permanent refusal of this status.</param>
    public async Task<SendOutcome> PostAsync(
        Uri uri,
        string body,
        IEnumerable<KeyValuePair<string, string>> headers,
        Func<string, string?> explain,
        Func<string, TimeSpan?>? retryAfterInBody,
        Func<int, string> advice,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(body, new UTF8Encoding(false), "application/json"),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            return new SendOutcome.Transient(Uncertain: false, $"{service} could not be reached ({e.Message}); nothing was sent.");
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome.Transient(Uncertain: true, $"{service} gave no answer ({e.Message}); the message may have arrived.");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                return new SendOutcome.Delivered();
            }

            var detail = $"{service} answered {status}: {Said(text, explain)}";
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = FromHeader(response.Headers.RetryAfter) ?? retryAfterInBody?.Invoke(text) ?? DefaultRetryAfter;
                return new SendOutcome.RetryAfter(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, detail);
            }

            if (status >= 500)
            {
                return new SendOutcome.Transient(Uncertain: true, detail + "; the message may have arrived.", status);
            }

            if (response.StatusCode == HttpStatusCode.RequestTimeout)
            {
                return new SendOutcome.Transient(Uncertain: false, detail, status);
            }

            if (status is >= 300 and < 400)
            {
                return new SendOutcome.Permanent(status, $"{service} answered {status} (a redirect{(response.Headers.Location is { } to ? $" to {to.GetLeftPart(UriPartial.Path)}" : "")}): put the final address in the settings.");
            }

            return new SendOutcome.Permanent(status, detail + advice(status));
        }
    }

    private TimeSpan? FromHeader(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow(),
        _ => null,
    };

    private static string Said(string body, Func<string, string?> explain)
    {
        string? said = null;
        try
        {
            said = explain(body);
        }
        catch (System.Text.Json.JsonException)
        {
            // Not the service's JSON error (a proxy's HTML page, say): shown as it came.
        }

        said ??= body.Trim();
        said = said.Length == 0 ? "(no body)" : said;
        return said.Length > 300 ? string.Create(CultureInfo.InvariantCulture, $"{said[..300]}…") : said;
    }
}
