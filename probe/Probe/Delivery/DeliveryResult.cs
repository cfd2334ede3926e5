namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>How a delivery ended, with what the last attempt learnt, for the command to put in words.</summary>
public sealed record DeliveryResult
{
    public required DeliveryOutcome Outcome { get; init; }
    public required int Attempts { get; init; }

    /// <summary>The last answer's status code; null when the last attempt got no answer.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The problem's title, when the answer was application/problem+json (RFC 7807).</summary>
    public string? Title { get; init; }

    /// <summary>The problem's detail; for a redirect, where it pointed.</summary>
    public string? Detail { get; init; }

    /// <summary>Why there was no answer (connection refused, name not resolved, TLS failure...).</summary>
    public string? Error { get; init; }

    /// <summary>The last attempt got no answer within <see cref="DeliveryOptions.AttemptTimeout"/>.</summary>
    public bool TimedOut { get; init; }
}
