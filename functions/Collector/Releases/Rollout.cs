using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.Collector.Releases;

/// <summary>
/// A published release of a channel and who is offered it: the pilot branches always, the others when their place
/// in this release's order (<see cref="RolloutOrder"/>) falls under <see cref="Percent"/>; nobody once it is pulled
/// or its document has expired. <see cref="EnvelopeSha256"/> and <see cref="Files"/> are what was checked at
/// publication: the collector serves only those bytes.
/// </summary>
public sealed record Rollout
{
    public required string Channel { get; init; }
    public required string Version { get; init; }

    /// <summary>0 to 100.</summary>
    public required int Percent { get; init; }

    public IReadOnlyList<string> Pilots { get; init; } = [];
    public bool Pulled { get; init; }

    public required DateTime PublishedUtc { get; init; }
    public required DateTime ChangedUtc { get; init; }

    /// <summary>The document's own expiry: probes refuse it after that, so it is not offered after that either.</summary>
    public required DateTime ExpiresUtc { get; init; }

    /// <summary>SHA-256 of release.json as checked at publication, lowercase hex.</summary>
    public required string EnvelopeSha256 { get; init; }

    public required IReadOnlyList<ReleaseFile> Files { get; init; }

    public bool IsPilot(string branchId) => Pilots.Any(p => string.Equals(p, branchId, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether <paramref name="branchId"/> is offered this release at <paramref name="nowUtc"/>.</summary>
    public bool Offers(string branchId, DateTime nowUtc) =>
        !Pulled && ExpiresUtc > nowUtc && (IsPilot(branchId) || RolloutOrder.Includes(branchId, Version, Percent));
}
