using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.ReleaseTool.Publishing;

/// <summary>
/// Sends a rollout to the collector's admin route <c>POST api/releases/{channel}</c> with the Functions key in
/// <c>x-functions-key</c>, as every admin call does, and answers the collector's reply; a refusal (non-2xx) is a
/// <see cref="ReleaseExitCodes.Failed"/> error showing the collector's problem.
/// </summary>
public sealed class RolloutPublisher(HttpClient http)
{
    public const string AdminKeyHeader = "x-functions-key";

    public async Task<string> PublishAsync(Uri collector, string adminKey, string channel, RolloutRequest rollout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collector);
        var endpoint = new Uri(new Uri(collector.AbsoluteUri.TrimEnd('/') + "/"), ProbeApi.ReleasesPath(channel));
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(rollout, ReleaseToolJsonContext.Default.RolloutRequest))
            {
                Headers = { ContentType = new MediaTypeHeaderValue(ProbeApi.JsonContentType) },
            },
        };
        request.Headers.Add(AdminKeyHeader, adminKey);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw ReleaseToolException.Failed($"The collector ({endpoint}) could not be reached: {(e is TaskCanceledException ? "timeout" : e.Message)}", e);
        }

        using (response)
        {
            var body = Encoding.UTF8.GetString(await BoundedAnswer.ReadAsync(response, $"The collector ({endpoint})", cancellationToken).ConfigureAwait(false));
            if (!response.IsSuccessStatusCode)
            {
                throw ReleaseToolException.Failed($"The collector refused POST {endpoint}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {Problem(body)}");
            }

            return Readable(body);
        }
    }

    /// <summary>An RFC 9457 problem's title and detail when the body is one; otherwise the body itself.</summary>
    private static string Problem(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var parts = new[] { "title", "detail" }
                    .Select(name => document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null)
                    .OfType<string>()
                    .ToList();
                if (parts.Count > 0)
                {
                    return string.Join(": ", parts);
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: shown as it came.
        }

        return body.Length == 0 ? "(no body)" : body;
    }

    /// <summary>JSON indented for a person; anything else as it came.</summary>
    private static string Readable(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return JsonSerializer.Serialize(document.RootElement, ReadableJsonContext.Default.JsonElement);
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
