namespace MonitoramentoBKP.Contracts;

/// <summary>A problem met while reading a folder or a file: a stable code for rules, and the system's own detail.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record ProblemReport
{
    public required ProblemCode Code { get; init; }
    public string? Detail { get; init; }
}
