namespace MonitoramentoBKP.Contracts;

/// <summary>The body of <c>POST /api/enroll</c>: the branch, its one-time token, and the probe's new public key.</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record EnrollRequest
{
    public required string BranchId { get; init; }
    public required string Token { get; init; }

    /// <summary>The ECDSA P-256 public key as SubjectPublicKeyInfo (DER), base64; the request is signed with its private half.</summary>
    public required string PublicKey { get; init; }

    public string? HostName { get; init; }
    public string? ProbeVersion { get; init; }
}
