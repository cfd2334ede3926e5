namespace MonitoramentoBKP.Contracts.Releases;

/// <summary>What <see cref="ReleaseVerifier.VerifyKeyRotation"/> found: the rotation to trust from now on, or a refusal.</summary>
public sealed record TrustedKeysCheck
{
    public TrustedKeysDocument? Document { get; init; }

    public ReleaseRefusal? Refusal { get; init; }

    public bool Accepted => Refusal is null;
}
