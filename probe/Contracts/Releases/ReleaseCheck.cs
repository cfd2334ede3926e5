namespace MonitoramentoBKP.Contracts.Releases;

/// <summary>
/// What <see cref="ReleaseVerifier.VerifyRelease"/> found: the release and the file for this runtime, or a refusal.
/// <see cref="Document"/> is also set on a refusal found after the signature was checked and the document read (an
/// expired or not newer release), so the caller can tell the release it already runs from a rollback attempt.
/// </summary>
public sealed record ReleaseCheck
{
    public ReleaseDocument? Document { get; init; }

    public ReleaseFile? File { get; init; }

    public ReleaseRefusal? Refusal { get; init; }

    public bool Accepted => Refusal is null;
}
