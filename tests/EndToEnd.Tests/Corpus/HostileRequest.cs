namespace MonitoramentoBKP.EndToEnd.Tests.Corpus;

/// <summary>One request of the hostile corpus: what it is, and the bytes of it.</summary>
public sealed record HostileRequest(string Name, HttpMethod Method, string Path, byte[] Body, string? ContentEncoding = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>The web server refuses it before any of the app's code runs (Kestrel answers a bare 400; it has no hook for that).</summary>
    public bool RefusedBeforeTheApp { get; init; }

    public override string ToString() => Name;
}
