using MonitoramentoBKP.Collector.Channels.Sending;

namespace MonitoramentoBKP.Collector.Channels.Dispatch;

/// <summary>
/// A route's channel as its settings make it, or why there is none (settings missing, unknown or malformed: a
/// permanent problem until they are fixed). <see cref="Fingerprint"/> changes whenever the settings do.
/// </summary>
public sealed record RouteChannelBinding(INotificationChannel? Channel, string? Problem, string Fingerprint, string Target)
{
    public static RouteChannelBinding Of(INotificationChannel channel, string fingerprint, string target) => new(channel, null, fingerprint, target);

    public static RouteChannelBinding Broken(string problem, string fingerprint, string target) => new(null, problem, fingerprint, target);
}
