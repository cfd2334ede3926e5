namespace MonitoramentoBKP.Contracts;

/// <summary>What <c>POST /api/enroll</c> answers: the key id the probe signs with from now on.</summary>
public sealed record EnrollResponse
{
    public required string BranchId { get; init; }
    public required string KeyId { get; init; }
    public required DateTime EnrolledUtc { get; init; }

    /// <summary>Keys of the branch this enrollment replaced (revoked).</summary>
    public IReadOnlyList<string> Replaced { get; init; } = [];
}
