using MonitoramentoBKP.Collector.Domain;

namespace MonitoramentoBKP.Collector.Registry;

/// <summary>
/// Hours of a route's day (in its own time zone) when alerts are held and sent when they end; an alert at
/// <see cref="Wake"/> or worse goes through anyway. <see cref="From"/> after <see cref="To"/> spans midnight
/// (22:00 to 07:00); equal times mean no quiet hours.
/// </summary>
public sealed record QuietHours(TimeOnly From, TimeOnly To, SetStatus? Wake)
{
    /// <summary>Whether <paramref name="local"/> (the route's wall clock) falls in the quiet hours.</summary>
    public bool Contains(TimeOnly local) => From < To ? local >= From && local < To : From > To && (local >= From || local < To);

    /// <summary>Whether an alert of <paramref name="status"/> goes through the quiet hours.</summary>
    public bool Wakes(SetStatus status) => Wake is { } wake && status.Rank() >= wake.Rank();

    /// <summary>The first moment at or after <paramref name="utc"/> outside the quiet hours, in UTC.</summary>
    public DateTime EndAfter(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        if (!Contains(TimeOnly.FromDateTime(local)))
        {
            return utc;
        }

        var end = local.Date + To.ToTimeSpan();
        if (end <= local)
        {
            end = end.AddDays(1);
        }

        // A wall-clock time skipped by a daylight-saving jump ends the quiet hours at the jump.
        while (zone.IsInvalidTime(end))
        {
            end = end.AddMinutes(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(end, DateTimeKind.Unspecified), zone);
    }
}
