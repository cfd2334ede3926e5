namespace MonitoramentoBKP.ReleaseTool.Signing;

/// <summary>The body of Key Vault's <c>POST {key}/{version}/sign</c>: the algorithm and the digest in base64url.</summary>
public sealed record KeyVaultSignRequest
{
    public required string Alg { get; init; }
    public required string Value { get; init; }
}
