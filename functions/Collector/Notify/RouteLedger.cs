namespace MonitoramentoBKP.Collector.Notify;

/// <summary>
/// One route's record: every message planned for it by event id (pending, being sent, sent, or covered by a storm
/// digest), the incidents it was told of (so it hears their recovery), the last daily summary planned, and how
/// delivery is going (as GET /api/status shows it).
/// </summary>
public sealed record RouteLedger
{
    public IReadOnlyList<RouteEntry> Entries { get; init; } = [];

    /// <summary>Open incidents the route was told of; their recovery is sent even when its status is below the route's minimum.</summary>
    public IReadOnlyList<string> Told { get; init; } = [];

    /// <summary>The route's local day of the last daily summary planned.</summary>
    public DateOnly? LastSummaryDay { get; init; }

    public DateTime? LastDeliveredUtc { get; init; }

    /// <summary>The last failure, in the service's words; null once a send succeeds again.</summary>
    public string? Problem { get; init; }

    /// <summary>The service refused for good (a bad URL, token or address, or settings missing): tried again only every <c>PermanentRetryEvery</c>, when the settings change, or after a restart.</summary>
    public bool Permanent { get; init; }

    public int? StatusCode { get; init; }
    public DateTime? ProblemSinceUtc { get; init; }

    /// <summary>A fingerprint of the channel's settings when the permanent failure happened: a change lets delivery resume at once.</summary>
    public string? ProblemSettings { get; init; }

    /// <summary>Nothing is sent before this (a backoff after a failure, a service's Retry-After, the slow retry of a permanent refusal).</summary>
    public DateTime? HeldUntilUtc { get; init; }

    /// <summary>Failed sends since the last success (the backoff grows with it).</summary>
    public int Failures { get; init; }

    public int DeliveredTotal { get; init; }

    /// <summary>Messages resent after an uncertain outcome on a channel with no idempotency: each may show twice (with the same event id).</summary>
    public int UncertainResends { get; init; }

    public int DigestsTotal { get; init; }

    /// <summary>A storm being gathered into one digest: when it began, when its digest goes unless more alerts come, and how many it held then.</summary>
    public DateTime? StormSinceUtc { get; init; }

    public DateTime? StormUntilUtc { get; init; }

    public int StormCount { get; init; }
}
