namespace MonitoramentoBKP.Collector.Notify;

/// <summary>One alert route in GET /api/status: where it sends, what waits, and any problem since when.</summary>
public sealed record RouteStatusView
{
    public required string RouteId { get; init; }
    public required string Name { get; init; }

    /// <summary>"email", "googleChat", "teams", "telegram" or "webhook".</summary>
    public required string Kind { get; init; }

    /// <summary>Where messages go, without secrets ("SMTP smtp.empresa.com.br:587", "folder .try/outbox/ops").</summary>
    public string? Target { get; init; }

    public int Pending { get; init; }
    public DateTime? LastDeliveredUtc { get; init; }
    public string? LastError { get; init; }
    public bool Permanent { get; init; }
    public int? StatusCode { get; init; }
    public DateTime? SinceUtc { get; init; }
    public int DeliveredTotal { get; init; }
    public int DigestsTotal { get; init; }
    public int UncertainResends { get; init; }
}
