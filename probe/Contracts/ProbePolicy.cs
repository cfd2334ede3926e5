namespace MonitoramentoBKP.Contracts;

/// <summary>
/// What <c>GET /api/probe/policy</c> answers: the branch's sets as the registry resolves them (template plus the
/// branch's overrides), so the registry is the one description of what a probe scans. <see cref="Version"/> is also
/// the response's ETag.
/// </summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record ProbePolicy
{
    public required string BranchId { get; init; }
    public required string Version { get; init; }
    public required IReadOnlyList<ProbePolicySet> Sets { get; init; }

    /// <summary>Bytes of already-known files re-read per run; absent: the probe sizes it itself.</summary>
    public long? ReverifyBudgetBytes { get; init; }
}
