using System.Text.Json;
using System.Text.Json.Nodes;
using MonitoramentoBKP.FakeChannels.Http;
using MonitoramentoBKP.FakeChannels.Schemas;

namespace MonitoramentoBKP.FakeChannels.Teams;

/// <summary>
/// A Teams Workflows flow "When a Teams webhook request is received": POST
/// /workflows/{id}/triggers/manual/paths/invoke?api-version=..&amp;sp=..&amp;sv=..&amp;sig=.. with JSON. A wrong sig is 401,
/// another flow 404. The body must be the message envelope with Adaptive Card attachments only, each card valid
/// against Microsoft's Adaptive Card 1.5 schema and of version 1.5 or lower; anything else is 400. Taken: 202.
/// </summary>
public sealed class FakeTeamsWorkflow : FakeHttpService
{
    private readonly Lock gate = new();
    private readonly List<JsonObject> cards = [];

    private FakeTeamsWorkflow()
    {
    }

    public string WorkflowId { get; } = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    public string Signature { get; } = "FakeSigForTheTests-x1y2z3";

    public Uri WebhookUrl => new(BaseUri, $"workflows/{WorkflowId}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={Signature}");

    /// <summary>The cards posted, in order.</summary>
    public IReadOnlyList<JsonObject> Cards
    {
        get
        {
            lock (gate)
            {
                return [.. cards];
            }
        }
    }

    public static async Task<FakeTeamsWorkflow> StartAsync()
    {
        var teams = new FakeTeamsWorkflow();
        await teams.ListenAsync().ConfigureAwait(false);
        return teams;
    }

    protected override FakeAnswer Answer(FakeRequest request)
    {
        if (request.Method != "POST" || request.Path != $"/workflows/{WorkflowId}/triggers/manual/paths/invoke")
        {
            return Refuse(404, "WorkflowNotFound", $"The workflow for {request.Method} {request.Path} could not be found.");
        }

        if (request.Query.GetValueOrDefault("sig") != Signature || !request.Query.ContainsKey("api-version"))
        {
            return Refuse(401, "DirectApiAuthorizationRequired", "The request must be authenticated only by Shared Access scheme.");
        }

        if (request.MediaType != "application/json")
        {
            return Refuse(400, "InvalidRequestContent", $"The request content type {request.MediaType} is not application/json.");
        }

        JsonObject message;
        try
        {
            message = JsonNode.Parse(request.Body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            return Refuse(400, "InvalidRequestContent", $"The request content is not valid JSON: {e.Message}");
        }

        if ((string?)message["type"] != "message" || message["attachments"] is not JsonArray { Count: > 0 } attachments)
        {
            return Refuse(400, "InvalidRequestContent", "The body must be {\"type\":\"message\",\"attachments\":[...]}.");
        }

        var posted = new List<JsonObject>();
        foreach (var (attachment, i) in attachments.Select((a, i) => (a, i)))
        {
            if ((string?)attachment?["contentType"] != "application/vnd.microsoft.card.adaptive" || attachment["content"] is not JsonObject card)
            {
                return Refuse(400, "InvalidRequestContent", $"attachments[{i}] is not an Adaptive Card (Workflows take application/vnd.microsoft.card.adaptive only).");
            }

            var errors = SchemaCheck.AdaptiveCardErrors(card);
            if (errors.Count > 0)
            {
                return Refuse(400, "InvalidRequestContent", $"attachments[{i}].content: {string.Join("; ", errors)}");
            }

            if (!Version.TryParse((string?)card["version"], out var version) || version > new Version(1, 5))
            {
                return Refuse(400, "InvalidRequestContent", $"attachments[{i}].content.version \"{card["version"]}\" is not 1.5 or lower.");
            }

            posted.Add(card);
        }

        lock (gate)
        {
            cards.AddRange(posted);
        }

        return new FakeAnswer(202, "");
    }

    protected override FakeAnswer Error(int status, string? message, TimeSpan? retryAfter) =>
        new(status, ErrorBody(status == 429 ? "TooManyRequests" : status >= 500 ? "ServiceUnavailable" : "Forbidden", message ?? $"The fake flow fails with {status}."));

    private static string ErrorBody(string code, string message) => new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString();

    private static FakeAnswer Refuse(int status, string code, string message) => new(status, ErrorBody(code, message)) { Problem = message };
}
