namespace MonitoramentoBKP.FakeChannels.Http;

/// <summary>A request as a fake service reads it.</summary>
public sealed record FakeRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The media type of Content-Type, lower case, without parameters.</summary>
    public string? MediaType => Header("Content-Type")?.Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>The charset parameter of Content-Type, if any.</summary>
    public string? Charset => Header("Content-Type")?.Split(';').Skip(1)
        .Select(p => p.Trim())
        .FirstOrDefault(p => p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))?["charset=".Length..].Trim('"');
}
