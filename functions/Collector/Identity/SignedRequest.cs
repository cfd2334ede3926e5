namespace MonitoramentoBKP.Collector.Identity;

/// <summary>What the HTTP trigger hands over of a probe's signed request: the covered components and the signature headers.</summary>
public sealed record SignedRequest
{
    public required string Method { get; init; }

    /// <summary>The request's absolute URI as the collector received it (the <c>@target-uri</c> component).</summary>
    public required string TargetUri { get; init; }

    public string? SignatureInput { get; init; }
    public string? Signature { get; init; }
    public string? ContentDigest { get; init; }

    /// <summary>X-Bkp-Branch: the branch the probe speaks for, a covered component.</summary>
    public string? Branch { get; init; }
}
