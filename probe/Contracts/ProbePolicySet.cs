namespace MonitoramentoBKP.Contracts;

/// <summary>One set of a <see cref="ProbePolicy"/>: the folder and the patterns of files that belong to it.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record ProbePolicySet
{
    public required string Id { get; init; }
    public required string Root { get; init; }
    public IReadOnlyList<string> Include { get; init; } = [];
    public IReadOnlyList<string> Exclude { get; init; } = [];
    public bool Recurse { get; init; } = true;
}
