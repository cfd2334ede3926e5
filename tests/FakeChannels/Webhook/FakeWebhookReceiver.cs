using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MonitoramentoBKP.FakeChannels.Http;
using MonitoramentoBKP.FakeChannels.Schemas;

namespace MonitoramentoBKP.FakeChannels.Webhook;

/// <summary>
/// A receiver of the generic webhook, as n8n or a gateway would be set up: POST of JSON to its URL, the
/// X-Bkp-Signature-256 header checked with the shared secret over the exact body bytes (401 otherwise),
/// X-Bkp-Event-Id the body's eventId, and the body valid against the schema its "schema" names (400 otherwise).
/// </summary>
public sealed class FakeWebhookReceiver : FakeHttpService
{
    private FakeWebhookReceiver(string secret) => Secret = secret;

    public string Secret { get; }

    public Uri Url => new(BaseUri, "hooks/bkp");

    /// <summary>The bodies accepted, parsed.</summary>
    public IReadOnlyList<JsonObject> Bodies => [.. Accepted.Select(r => JsonNode.Parse(r.Body)!.AsObject())];

    public static async Task<FakeWebhookReceiver> StartAsync(string secret = "a-shared-secret-of-the-route")
    {
        var receiver = new FakeWebhookReceiver(secret);
        await receiver.ListenAsync().ConfigureAwait(false);
        return receiver;
    }

    protected override FakeAnswer Answer(FakeRequest request)
    {
        if (request.Method != "POST" || request.Path != "/hooks/bkp")
        {
            return Refuse(404, $"{request.Method} {request.Path}: the receiver listens for POST /hooks/bkp");
        }

        if (request.MediaType != "application/json" || request.Charset is { } charset && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(415, $"Content-Type {request.Header("Content-Type")}: application/json (UTF-8) expected");
        }

        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(request.Body)));
        var signature = request.Header("X-Bkp-Signature-256");
        if (signature is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(expected)))
        {
            return Refuse(401, signature is null ? "no X-Bkp-Signature-256 header" : "X-Bkp-Signature-256 does not match the body");
        }

        JsonNode? body;
        try
        {
            body = JsonNode.Parse(request.Body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            return Refuse(400, $"the body is not JSON: {e.Message}");
        }

        if (body is not JsonObject json)
        {
            return Refuse(400, "the body is not a JSON object");
        }

        var errors = SchemaCheck.WebhookErrors(json);
        if (errors.Count > 0)
        {
            return Refuse(400, string.Join("; ", errors));
        }

        var eventId = json["eventId"]!.GetValue<string>();
        return request.Header("X-Bkp-Event-Id") != eventId
            ? Refuse(400, $"X-Bkp-Event-Id \"{request.Header("X-Bkp-Event-Id")}\" is not the body's eventId \"{eventId}\"")
            : new FakeAnswer(200, """{"received":true}""");
    }

    protected override FakeAnswer Error(int status, string? message, TimeSpan? retryAfter) =>
        new(status, JsonSerializer.Serialize(new { error = message ?? $"fake receiver failing with {status}" }));

    private static FakeAnswer Refuse(int status, string problem) =>
        new(status, JsonSerializer.Serialize(new { error = problem })) { Problem = problem };
}
