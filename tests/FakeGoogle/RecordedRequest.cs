namespace MonitoramentoBKP.FakeGoogle;

/// <summary>One request the fake received and what it answered.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, percent-decoded.</param>
/// <param name="RawPath">The path exactly as sent.</param>
/// <param name="Query">The query string as sent, with its leading '?', or empty.</param>
/// <param name="Body">The body as UTF-8 text.</param>
/// <param name="BodyLength">The body's length in bytes.</param>
/// <param name="ContentType">The Content-Type header, if any.</param>
/// <param name="Status">The status answered; 499 when the client went away before the answer (e.g. during a delay).</param>
/// <param name="Operation">The discovery method id (e.g. sheets.spreadsheets.values.append), or null for the token endpoint and unknown paths.</param>
/// <param name="Fault">The fault that acted on this request, described, or null.</param>
/// <param name="ReceivedAt">When the request arrived.</param>
/// <param name="ResponseBody">The body answered, for reading refusals in a failing test.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string RawPath,
    string Query,
    string Body,
    int BodyLength,
    string? ContentType,
    int Status,
    string? Operation,
    string? Fault,
    DateTimeOffset ReceivedAt,
    string ResponseBody)
{
    public override string ToString() => $"{Method} {Path}{Query} -> {Status}{(Fault is null ? string.Empty : $" ({Fault})")}";
}
