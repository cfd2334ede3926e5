using MonitoramentoBKP.Collector.Domain;

namespace MonitoramentoBKP.Collector.Channels.Messages;

/// <summary>
/// Many alerts due for one route in one dispatch, told in one message instead of one each: how many of each
/// status, the alerts themselves worst first, and the link to the sheet where the rest of the story is.
/// </summary>
public sealed record StormDigest : ChannelMessage
{
    /// <summary>The route's name, as the reader knows it ("Regional Sul").</summary>
    public required string Route { get; init; }

    public required DateTime AtUtc { get; init; }

    /// <summary>The time zone the digest's own time is shown in (the route's).</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    public required IReadOnlyList<Notification> Notifications { get; init; }

    /// <summary>The alerts, worst status first, then the oldest problem first, then by branch and set.</summary>
    public IReadOnlyList<Notification> WorstFirst => [.. Notifications
        .OrderByDescending(n => n.Status.Rank())
        .ThenBy(n => n.SinceUtc)
        .ThenBy(n => n.BranchId, StringComparer.OrdinalIgnoreCase)
        .ThenBy(n => n.SetId, StringComparer.OrdinalIgnoreCase)];

    /// <summary>How many alerts have each status, the worst status first; statuses with none are left out.</summary>
    public IReadOnlyList<(SetStatus Status, int Count)> CountsByStatus => [.. Notifications
        .GroupBy(n => n.Status)
        .OrderByDescending(g => g.Key.Rank())
        .Select(g => (g.Key, g.Count()))];
}
