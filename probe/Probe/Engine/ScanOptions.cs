namespace MonitoramentoBKP.Probe.Engine;

/// <summary>Per-run choices that are not settings: re-hash everything, and the identity stamped on the manifest.</summary>
public sealed record ScanOptions
{
    public bool VerifyAll { get; init; }
    public required string ProbeVersion { get; init; }
    public Guid? RunId { get; init; }
}
