namespace MonitoramentoBKP.Contracts.Releases;

/// <summary>Why a release (or a key rotation, or a download) was refused: one kind per rule, so tests and reports can tell them apart.</summary>
public enum ReleaseRefusalKind
{
    /// <summary>The envelope is larger than <see cref="SignedEnvelope.MaxLength"/>.</summary>
    TooLarge,

    /// <summary>Not an envelope, or its <c>signed</c> document is not a well-formed document of its type.</summary>
    Malformed,

    /// <summary>The envelope carries no signature at all.</summary>
    MissingSignature,

    /// <summary>No signature is by a key the probe trusts.</summary>
    UnknownKey,

    /// <summary>A signature names a trusted key but does not verify with it.</summary>
    BadSignature,

    /// <summary>The signed document is of another type (a key rotation offered as a release, or the other way).</summary>
    WrongType,

    /// <summary>The document's expiry has passed (a frozen mirror).</summary>
    Expired,

    /// <summary>The version is not newer than the highest ever accepted (a rollback), or a rotation not newer than the keys in use.</summary>
    NotNewer,

    /// <summary>The document is for another channel.</summary>
    WrongChannel,

    /// <summary>The release lists no file for the probe's runtime.</summary>
    NoFileForRuntime,

    /// <summary>A file entry is unusable: a name that is not a plain file name, a bad SHA-256 or length, a runtime listed twice.</summary>
    BadFileEntry,

    /// <summary>A key of a rotation is not a P-256 public key, or its key id is not its thumbprint.</summary>
    BadKeyEntry,

    /// <summary>The download went on past the declared length; reading stopped there.</summary>
    TooLong,

    /// <summary>The download ended before the declared length.</summary>
    TooShort,

    /// <summary>The download's SHA-256 is not the declared one.</summary>
    WrongHash,
}
