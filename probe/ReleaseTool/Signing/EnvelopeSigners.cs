using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.ReleaseTool.Signing;

/// <summary>Signs one <c>signed</c> document with every key given (one valid signature by a trusted key is enough for a probe; more let a key be retired).</summary>
public static class EnvelopeSigners
{
    /// <summary>One signature per signer, in order; the same key given twice is refused rather than signing twice.</summary>
    public static async Task<IReadOnlyList<EnvelopeSignature>> SignAllAsync(ReadOnlyMemory<byte> signed, IReadOnlyList<IEnvelopeSigner> signers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signers);
        if (signers.Count == 0)
        {
            throw ReleaseToolException.BadInput("No signing key: give --key-file FILE or --key-vault-key URL (either may be repeated).");
        }

        if (signers.Count > SignedEnvelope.MaxSignatures)
        {
            throw ReleaseToolException.BadInput($"{signers.Count} signing keys: an envelope carries at most {SignedEnvelope.MaxSignatures} signatures.");
        }

        var signatures = new List<EnvelopeSignature>();
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var signer in signers)
        {
            var signature = await signer.SignAsync(signed, cancellationToken).ConfigureAwait(false);
            if (!sources.TryAdd(signature.KeyId, signer.Source))
            {
                throw ReleaseToolException.BadInput($"{signer.Source} is the same key ({signature.KeyId}) as {sources[signature.KeyId]}; give each key once.");
            }

            signatures.Add(signature);
        }

        return signatures;
    }
}
