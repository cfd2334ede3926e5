namespace MonitoramentoBKP.Collector.Notify;

/// <summary>What a route's entry sends.</summary>
public enum RouteEntryKind
{
    Alert,
    Digest,
    Summary,
}
