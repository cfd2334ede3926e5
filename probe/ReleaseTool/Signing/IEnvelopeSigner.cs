using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.ReleaseTool.Signing;

/// <summary>One key that signs envelopes: a key file here, or a Key Vault key that never leaves the vault.</summary>
public interface IEnvelopeSigner
{
    /// <summary>Where the key is, as the operator named it, for messages.</summary>
    string Source { get; }

    /// <summary>The ES256 signature of exactly <paramref name="signed"/>, checked against the key's public key before it is answered.</summary>
    Task<EnvelopeSignature> SignAsync(ReadOnlyMemory<byte> signed, CancellationToken cancellationToken);
}
