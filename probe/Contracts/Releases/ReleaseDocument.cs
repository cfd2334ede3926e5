namespace MonitoramentoBKP.Contracts.Releases;

/// <summary>
/// What a release says of itself: the <c>signed</c> part of a release envelope (<see cref="SignedEnvelope"/>). The
/// probe installs a release only when a trusted key signed exactly these bytes, the document has not expired, it is
/// for the probe's channel and newer than anything the probe ever accepted, and it lists a file for the probe's
/// runtime whose length and SHA-256 the download matches.
/// </summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record ReleaseDocument
{
    /// <summary>The only <see cref="Type"/>: a release document is never mistaken for a key rotation, nor the other way.</summary>
    public const string DocumentType = "bkp-probe-release";

    public required string Type { get; init; }

    /// <summary>Dotted numbers, <c>major.minor.patch</c> (see <see cref="ReleaseVersion"/>).</summary>
    public required string Version { get; init; }

    /// <summary>For example <c>stable</c> or <c>pilot</c>; a probe takes only its own channel's releases.</summary>
    public required string Channel { get; init; }

    public required DateTime PublishedUtc { get; init; }

    /// <summary>After this the document is refused (a frozen mirror cannot hold probes on an old release for ever).</summary>
    public required DateTime ExpiresUtc { get; init; }

    public required IReadOnlyList<ReleaseFile> Files { get; init; }
}
