namespace MonitoramentoBKP.Collector.Registry;

/// <summary>What a route may receive: the alert log's events (Aberto, Agravado, Lembrete, Reaberto, Resolvido) and the daily summary.</summary>
public enum RouteEvent
{
    Opened,
    Escalated,
    Reminder,
    Reopened,
    Resolved,
    DailySummary,
}
