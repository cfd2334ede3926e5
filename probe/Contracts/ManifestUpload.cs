namespace MonitoramentoBKP.Contracts;

/// <summary>
/// How a probe hands a manifest to the collector: <c>POST {collector}/api/manifests</c>, the manifest JSON
/// gzip-compressed as the body. Named here so the probe and the collector cannot drift apart.
/// </summary>
public static class ManifestUpload
{
    /// <summary>Relative to the collector's base address (Azure Functions serves HTTP triggers under /api).</summary>
    public const string Path = "api/manifests";

    public const string ContentType = "application/json";
    public const string ContentEncoding = "gzip";

    /// <summary>The manifest's run id: the same on every retry of one run, so the collector can de-duplicate.</summary>
    public const string RunIdHeader = "X-Bkp-Run-Id";

    /// <summary>The manifest's branch id, readable without decompressing the body.</summary>
    public const string BranchHeader = "X-Bkp-Branch";

    /// <summary>The probe's clock when this attempt was sent (ISO 8601 UTC with 'Z'), for clock-skew detection.</summary>
    public const string SentUtcHeader = "X-Bkp-Sent-Utc";

    /// <summary>Azure Functions' own function-key header; sent only when a key is configured.</summary>
    public const string FunctionKeyHeader = "x-functions-key";

    /// <summary>The format of <see cref="SentUtcHeader"/>: the manifest's own timestamp format.</summary>
    public const string SentUtcFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
}
