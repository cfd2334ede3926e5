using System.Text.Json.Nodes;

namespace MonitoramentoBKP.FakeGoogle;

/// <summary>What the fake answers: a status, a JSON body and the few headers that matter to a client (Retry-After, WWW-Authenticate).</summary>
internal sealed record ApiResponse(int Status, JsonNode? Body, IReadOnlyDictionary<string, string> Headers)
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    public bool Succeeded => Status is >= 200 and < 300;

    public static ApiResponse Ok(JsonNode body) => new(200, body, NoHeaders);

    public static ApiResponse Error(int status, string message, string? field = null, string? reason = null) =>
        new(status, FakeApiError.Body(status, message, field, reason), NoHeaders);

    public ApiResponse WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers) { [name] = value } };
}
