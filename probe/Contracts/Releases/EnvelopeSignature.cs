namespace MonitoramentoBKP.Contracts.Releases;

/// <summary>
/// One signature of an envelope: ES256 (ECDSA P-256 over SHA-256) of the exact bytes of its <c>signed</c> member, as
/// the 64-byte r‖s (IEEE P1363, what Azure Key Vault's <c>sign</c> returns) in standard base64.
/// </summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record EnvelopeSignature
{
    public required string KeyId { get; init; }
    public required string Sig { get; init; }
}
