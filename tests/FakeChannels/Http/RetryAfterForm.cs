namespace MonitoramentoBKP.FakeChannels.Http;

/// <summary>How a fake tells a client how long to wait after a 429.</summary>
public enum RetryAfterForm
{
    /// <summary>Retry-After: 7</summary>
    Seconds,

    /// <summary>Retry-After: Wed, 02 Dec 2026 12:00:07 GMT</summary>
    HttpDate,

    /// <summary>No header; only the service's body says it (Telegram's parameters.retry_after).</summary>
    BodyOnly,
}
