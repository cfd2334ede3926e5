namespace MonitoramentoBKP.FakeChannels.Http;

/// <summary>One request a fake service got and what it answered.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, percent-decoded.</param>
/// <param name="Query">The query parameters, decoded.</param>
/// <param name="Headers">The request headers (names as sent).</param>
/// <param name="Body">The body as UTF-8 text.</param>
/// <param name="Status">The status answered; 499 when the client went away first.</param>
/// <param name="Problem">What the fake found wrong with the request (answered 400 or 401), or null.</param>
/// <param name="Fault">The fault that acted on it, described, or null.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record ReceivedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    int Status,
    string? Problem,
    string? Fault,
    DateTimeOffset ReceivedAt)
{
    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public override string ToString() => $"{Method} {Path} -> {Status}{(Problem is null ? "" : $" ({Problem})")}{(Fault is null ? "" : $" [{Fault}]")}";
}
