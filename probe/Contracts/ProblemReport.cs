namespace MonitoramentoBKP.Contracts;

/// <summary>A problem met while reading a folder or a file: a stable code for rules, and the system's own detail.</summary>
public sealed record ProblemReport
{
    public required ProblemCode Code { get; init; }
    public string? Detail { get; init; }
}
