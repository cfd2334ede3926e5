namespace MonitoramentoBKP.Contracts;

/// <summary>
/// Manifests the probe measured but threw away unsent: its spool of undelivered runs was full (the collector was out
/// of reach for longer than the spool holds), and the oldest made room. Cumulative: every manifest the probe builds
/// carries every drop no accepted manifest has reported yet, so the latest one tells the whole story; times are the
/// dropped runs' own finishing times on the probe's clock.
/// </summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record SpoolDropReport
{
    /// <summary>How many manifests were dropped; at least one (no drop is not reported at all).</summary>
    public required int Count { get; init; }

    /// <summary>When the oldest dropped run finished.</summary>
    public required DateTime FirstFinishedUtc { get; init; }

    /// <summary>When the newest dropped run finished; not before <see cref="FirstFinishedUtc"/>.</summary>
    public required DateTime LastFinishedUtc { get; init; }
}
