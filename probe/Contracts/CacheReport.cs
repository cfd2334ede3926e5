namespace MonitoramentoBKP.Contracts;

/// <summary>What the probe found of its hash cache: trusted, absent, or discarded and rebuilt (with why).</summary>
public sealed record CacheReport
{
    public required CacheStatus Status { get; init; }
    public string? Detail { get; init; }
}
