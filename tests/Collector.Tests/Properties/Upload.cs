using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Tests.Properties;

/// <summary>One POST /api/manifests as the trigger hands it over: the body bytes, the headers that matter, and when it arrives.</summary>
public sealed record Upload
{
    public required byte[] Body { get; init; }
    public string? Encoding { get; init; } = "gzip";
    public string? SentUtc { get; init; }
    public string? Branch { get; init; }

    /// <summary>The Content-Length header; the body's length when null.</summary>
    public long? ContentLength { get; init; }

    /// <summary>The collector's clock when it arrives.</summary>
    public DateTime At { get; init; } = ManifestGen.Now;

    /// <summary>What a probe sends for this manifest: gzip JSON, its branch in X-Bkp-Branch, its clock in X-Bkp-Sent-Utc.</summary>
    public static Upload Of(Manifest manifest, string? sentUtc, DateTime at) => Of(Manifests.Json(manifest), manifest.BranchId, sentUtc, at);

    public static Upload Of(byte[] json, string? branch, string? sentUtc, DateTime at) =>
        new() { Body = Manifests.Gzip(json), Branch = branch, SentUtc = sentUtc, At = at };

    public IngestRequest Request() => new()
    {
        Body = new MemoryStream(Body, writable: false),
        ContentEncoding = Encoding,
        ContentLength = ContentLength ?? Body.Length,
        Branch = Branch,
        SentUtc = SentUtc,
    };

    public override string ToString() =>
        $"{Body.Length:N0} bytes, Content-Encoding: {Show(Encoding)}, X-Bkp-Branch: {Show(Branch)}, X-Bkp-Sent-Utc: {Show(SentUtc)}, at {ManifestGen.Stamp(At)}"
        + (ContentLength is { } length ? $", Content-Length: {length:N0}" : "");

    internal static string Show(string? text) => text is null ? "(none)" : System.Text.Json.JsonSerializer.Serialize(text.Length > 80 ? text[..80] + "…" : text);
}
