namespace MonitoramentoBKP.Contracts;

/// <summary>A folder or link inside a set that was not entered, and why.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record SkippedEntry
{
    /// <summary>Path relative to the set root, '/'-separated.</summary>
    public required string Path { get; init; }

    public required ProblemReport Reason { get; init; }
}
