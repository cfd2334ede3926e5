using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>
/// One simulated probe: its own connection, the headers and body bkp-probe run sends (see the README,
/// "Delivery to the collector"), signed with its branch's enrolled key and no admin key, no redirects followed, 100 s without an answer is a failure. No retries:
/// a request that fails is counted, not hidden.
/// </summary>
public sealed class ProbeClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ProbeKeys _keys;

    public ProbeClient(Uri collector, ProbeKeys keys)
    {
        _keys = keys;
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 1, UseCookies = false };
        _http = new HttpClient(handler) { BaseAddress = collector, Timeout = TimeSpan.FromSeconds(100) };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("bkp-probe", "0.1.0"));
    }

    public async Task<PostOutcome> PostAsync(ProbeUpload upload)
    {
        using var content = new ByteArrayContent(upload.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue(ManifestUpload.ContentType);
        content.Headers.ContentEncoding.Add(ManifestUpload.ContentEncoding);
        using var request = new HttpRequestMessage(HttpMethod.Post, ManifestUpload.Path) { Content = content };
        request.Headers.Add(ManifestUpload.RunIdHeader, upload.RunId.ToString("D"));
        request.Headers.Add(ManifestUpload.BranchHeader, upload.BranchId);
        request.Headers.Add(ManifestUpload.SentUtcHeader, DateTime.UtcNow.ToString(ManifestUpload.SentUtcFormat, CultureInfo.InvariantCulture));
        _keys.Sign(request, upload.BranchId, upload.Body);

        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var latency = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var retryAfter = response.Headers.RetryAfter is { } header
                ? header.Delta?.TotalSeconds ?? (header.Date is { } date ? (date - DateTimeOffset.UtcNow).TotalSeconds : null)
                : null;
            return Read(upload, (int)response.StatusCode, latency, body) with { RetryAfterSeconds = retryAfter };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new PostOutcome { Upload = upload, Status = 0, LatencyMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds, Error = $"{e.GetType().Name}: {e.Message}" };
        }
    }

    public void Dispose() => _http.Dispose();

    private static PostOutcome Read(ProbeUpload upload, int status, double latency, string body)
    {
        var outcome = new PostOutcome { Upload = upload, Status = status, LatencyMs = latency };
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (status is 200 or 202)
            {
                var statuses = root.TryGetProperty("statuses", out var s) && s.ValueKind == JsonValueKind.Object
                    ? s.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString())
                    : [];
                return outcome with
                {
                    Accepted = root.TryGetProperty("accepted", out var a) && a.ValueKind == JsonValueKind.True,
                    AlreadyAccepted = root.TryGetProperty("alreadyAccepted", out var aa) && aa.ValueKind == JsonValueKind.True,
                    EchoMatches = root.TryGetProperty("branchId", out var b) && string.Equals(b.GetString(), upload.BranchId, StringComparison.OrdinalIgnoreCase)
                        && root.TryGetProperty("runId", out var r) && r.TryGetGuid(out var run) && run == upload.RunId,
                    Statuses = statuses,
                };
            }

            var title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
            var type = root.TryGetProperty("type", out var ty) && ty.ValueKind == JsonValueKind.String ? ty.GetString() : null;
            return outcome with { Error = $"{title}: {detail}", ProblemType = type };
        }
        catch (JsonException)
        {
            return outcome with { Error = body.Length > 200 ? body[..200] : body };
        }
    }
}
