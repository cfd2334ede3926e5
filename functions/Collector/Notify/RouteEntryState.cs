namespace MonitoramentoBKP.Collector.Notify;

/// <summary>Where a route's entry stands: waiting, being sent (outcome unknown until saved), sent, or told by a digest instead.</summary>
public enum RouteEntryState
{
    Pending,
    Sending,
    Sent,
    Covered,
}
