namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>The two fields of an RFC 7807 problem (application/problem+json) that the probe shows; the rest is ignored.</summary>
public sealed record ProblemDetails
{
    public string? Title { get; init; }
    public string? Detail { get; init; }
}
