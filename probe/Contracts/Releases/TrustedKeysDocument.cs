namespace MonitoramentoBKP.Contracts.Releases;

/// <summary>
/// A rotation of the release signing keys: the <c>signed</c> part of an envelope signed by a key the probe trusts
/// now, naming the keys it trusts from then on. Versions only go up, so an old rotation cannot be replayed to bring
/// back a retired key.
/// </summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record TrustedKeysDocument
{
    public const string DocumentType = "bkp-probe-keys";

    public required string Type { get; init; }

    /// <summary>1 for the keys built into the probe; every rotation is higher than the one it replaces.</summary>
    public required int Version { get; init; }

    public required DateTime PublishedUtc { get; init; }

    /// <summary>At least one; two lets the next rotation be signed by a key kept offline apart from the one in use.</summary>
    public required IReadOnlyList<TrustedKey> Keys { get; init; }
}
