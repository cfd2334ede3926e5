namespace MonitoramentoBKP.Collector.Identity;

/// <summary>
/// A one-time enrollment token as stored: only its SHA-256 (<see cref="Hash"/>), never the token, so whoever reads
/// the table cannot enroll with it. It expires, and spending it is one conditional write on <see cref="Version"/>.
/// </summary>
public sealed record EnrollmentToken
{
    /// <summary>SHA-256 of the token's text, lowercase hex: the row's key.</summary>
    public required string Hash { get; init; }

    public required string BranchId { get; init; }
    public required DateTime CreatedUtc { get; init; }
    public required DateTime ExpiresUtc { get; init; }
    public DateTime? SpentUtc { get; init; }

    /// <summary>The key enrolled with it, once spent.</summary>
    public string? SpentBy { get; init; }

    /// <summary>The store's version of the row (an ETag), for the conditional spend.</summary>
    public string Version { get; init; } = "";
}
