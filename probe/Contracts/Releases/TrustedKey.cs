namespace MonitoramentoBKP.Contracts.Releases;

/// <summary>A release signing key: its RFC 7638 thumbprint (<see cref="Signing.KeyId"/>) and its P-256 SubjectPublicKeyInfo in base64 (<see cref="Signing.PublicKeyInfo"/>).</summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record TrustedKey
{
    public required string KeyId { get; init; }
    public required string PublicKey { get; init; }
}
