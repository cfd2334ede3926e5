namespace MonitoramentoBKP.Probe.Commands;

/// <summary>How to scan and where to put the manifest locally, as chosen on the command line of scan or run.</summary>
public sealed record ScanChoices
{
    public bool Json { get; init; }
    public string? Output { get; init; }
    public bool VerifyAll { get; init; }
    public bool Timings { get; init; }
}
