namespace MonitoramentoBKP.Contracts;

/// <summary>What the probe found of its hash cache: trusted, absent, or discarded and rebuilt (with why).</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record CacheReport
{
    public required CacheStatus Status { get; init; }
    public string? Detail { get; init; }
}
