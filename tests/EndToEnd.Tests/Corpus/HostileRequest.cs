namespace MonitoramentoBKP.EndToEnd.Tests.Corpus;

/// <summary>One request of the hostile corpus: what it is, and the bytes of it.</summary>
public sealed record HostileRequest(string Name, HttpMethod Method, string Path, byte[] Body, string? ContentEncoding = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public override string ToString() => Name;
}
