namespace MonitoramentoBKP.Collector.Ports;

/// <summary>
/// Who reads the outbox. Each reader has its own marks and its own "delivered" flag on the change rows, so the
/// managers' sheet and the alert channels consume the same changes without waiting for, or clearing, each other.
/// A mark is set for every reader at once.
/// </summary>
public enum OutboxReader
{
    /// <summary>The managers' sheet (the Alertas, Status and Histórico tabs).</summary>
    Sheet,

    /// <summary>The alert routes (e-mail, chats, webhooks).</summary>
    Channels,
}
