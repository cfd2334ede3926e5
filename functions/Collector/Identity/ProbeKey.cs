namespace MonitoramentoBKP.Collector.Identity;

/// <summary>
/// A branch's public key, as enrolled: the collector keeps public keys only, so a copy of its tables cannot speak
/// for a branch. <see cref="KeyId"/> is the key's RFC 7638 thumbprint, the <c>keyid</c> its probe signs with.
/// </summary>
public sealed record ProbeKey
{
    public required string KeyId { get; init; }
    public required string BranchId { get; init; }

    /// <summary>The SubjectPublicKeyInfo (DER) of the P-256 key, base64.</summary>
    public required string PublicKey { get; init; }

    public required DateTime EnrolledUtc { get; init; }
    public DateTime? RevokedUtc { get; init; }

    /// <summary>Why it was revoked: "revoked by ops", "replaced by key …".</summary>
    public string? RevokedReason { get; init; }

    public bool Revoked => RevokedUtc is not null;
}
