using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Registry;

/// <summary>
/// Who is told what, on which channel: a route of the registry. <see cref="Settings"/> names the app settings
/// that hold the channel's address and secrets (<c>Alerts__Routes__{Settings}__{Field}</c>), so the registry,
/// kept as code, never holds a secret.
/// </summary>
public sealed record AlertRoute
{
    public static readonly TimeOnly DefaultSummaryAt = new(8, 0);

    public static readonly IReadOnlySet<RouteEvent> AllEvents = Enum.GetValues<RouteEvent>().ToHashSet();

    public required string Id { get; init; }

    /// <summary>The name readers know it by ("Regional Sul"); the id when none is given.</summary>
    public required string Name { get; init; }

    public required RouteChannel Channel { get; init; }

    /// <summary>The app settings section of the channel: letters, digits and '_' (what Azure allows in a setting's name).</summary>
    public required string Settings { get; init; }

    public RouteAudience Audience { get; init; } = RouteAudience.Everyone;

    /// <summary>The least severe status the route is told about (ranked warning, silent, missed, failed).</summary>
    public SetStatus MinSeverity { get; init; } = SetStatus.Warning;

    public IReadOnlySet<RouteEvent> Events { get; init; } = AllEvents;

    public QuietHours? QuietHours { get; init; }

    /// <summary>The route's own zone: quiet hours, the daily summary's time and the times its digests show.</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    public TimeOnly SummaryAt { get; init; } = DefaultSummaryAt;

    public SheetLanguage Language { get; init; } = SheetLanguage.Portuguese;

    public bool Receives(RouteEvent what) => Events.Contains(what);

    /// <summary>Whether an alert of <paramref name="status"/> is severe enough for the route.</summary>
    public bool Severe(SetStatus status) => status.Rank() >= MinSeverity.Rank();
}
