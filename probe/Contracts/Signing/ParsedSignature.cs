namespace MonitoramentoBKP.Contracts.Signing;

/// <summary>
/// A received signature that has the profile's shape, as <see cref="SignatureInput.TryParse"/> read it. Each value
/// is exposed so the collector can make its own checks (key known and of this branch, time window, nonce unseen)
/// in its own order; <see cref="MessageSignature.Verify"/> then checks the signature itself. Only the parser makes
/// these, so the values always agree with <see cref="SerializedParams"/>, the part the signature covers.
/// </summary>
public sealed record ParsedSignature
{
    internal ParsedSignature(string keyId, DateTimeOffset created, DateTimeOffset expires, string nonce, string alg, byte[] signature, string serializedParams)
    {
        KeyId = keyId;
        Created = created;
        Expires = expires;
        Nonce = nonce;
        Alg = alg;
        Signature = signature;
        SerializedParams = serializedParams;
    }

    /// <summary>The JWK thumbprint of the signing key (<see cref="Signing.KeyId"/>).</summary>
    public string KeyId { get; }

    /// <summary>"created", whole seconds, UTC.</summary>
    public DateTimeOffset Created { get; }

    /// <summary>"expires", whole seconds, UTC; always later than <see cref="Created"/>.</summary>
    public DateTimeOffset Expires { get; }

    /// <summary>"nonce": at least 128 random bits in base64url, for the collector's replay check.</summary>
    public string Nonce { get; }

    /// <summary>"alg": always <see cref="MessageSignature.Algorithm"/>.</summary>
    public string Alg { get; }

    /// <summary>The 64-byte r||s ECDSA signature.</summary>
    public byte[] Signature { get; }

    /// <summary>
    /// The signature's inner list as serialized (what follows "bkp=" in Signature-Input, in canonical form): the
    /// value of "@signature-params" in the signature base.
    /// </summary>
    public string SerializedParams { get; }
}
