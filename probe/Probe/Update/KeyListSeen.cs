namespace MonitoramentoBKP.Probe.Update;

/// <summary>
/// The key rotation last fetched from the collector and judged, <c>release-keys-seen.json</c> in the state folder: its
/// ETag, sent as <c>If-None-Match</c> so an unchanged rotation costs no body and a refused one is reported once, and
/// the trust it was judged with (<see cref="KeyListFetch.TrustOf"/>), so that with other keys in force (probe.json
/// changed, another build) it is fetched and judged again.
/// </summary>
public sealed record KeyListSeen
{
    public const string FileName = "release-keys-seen.json";

    public required string ETag { get; init; }

    public required string Trust { get; init; }
}
