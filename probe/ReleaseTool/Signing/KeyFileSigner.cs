using System.Security.Cryptography;
using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.ReleaseTool.Signing;

/// <summary>Signs with a private key read from a file (<see cref="SigningKeyFile"/>); owns the key.</summary>
public sealed class KeyFileSigner(ECDsa key, string source) : IEnvelopeSigner, IDisposable
{
    public string Source { get; } = source;

    public Task<EnvelopeSignature> SignAsync(ReadOnlyMemory<byte> signed, CancellationToken cancellationToken)
    {
        var signature = EnvelopeSigning.Sign(signed.Span, key);
        if (!EnvelopeSigning.Verify(signed.Span, signature, key))
        {
            throw ReleaseToolException.Failed($"{Source}: the signature just made does not verify with the key's own public key.");
        }

        return Task.FromResult(signature);
    }

    public void Dispose() => key.Dispose();
}
