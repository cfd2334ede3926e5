namespace MonitoramentoBKP.FakeGoogle;

/// <summary>A request as a fault's predicate sees it, before the fake answers.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, percent-decoded (e.g. /v4/spreadsheets/ID/values/'Histórico'!A1:append).</param>
/// <param name="RawPath">The path exactly as sent.</param>
/// <param name="Query">The query string as sent, with its leading '?', or empty.</param>
/// <param name="Body">The body as UTF-8 text.</param>
/// <param name="ContentType">The Content-Type header, if any.</param>
/// <param name="Operation">The discovery method id the request was routed to (e.g. sheets.spreadsheets.values.append), or null.</param>
public sealed record IncomingRequest(string Method, string Path, string RawPath, string Query, string Body, string? ContentType, string? Operation);
