namespace MonitoramentoBKP.Collector.Channels.Sending;

/// <summary>
/// What came of one send, the same for every channel, so the dispatcher decides alike for all: done; wait and
/// send again (the service said how long); try again later (it failed, and <see cref="Transient.Uncertain"/> says
/// whether the message may have arrived all the same); or stop until someone fixes the settings.
/// </summary>
public abstract record SendOutcome
{
    private SendOutcome()
    {
    }

    /// <summary>The service took the message.</summary>
    public sealed record Delivered : SendOutcome;

    /// <summary>Refused for now because of the service's rate limit (429): nothing was delivered; send again after <paramref name="Delay"/>.</summary>
    public sealed record RetryAfter(TimeSpan Delay, string Detail) : SendOutcome;

    /// <summary>
    /// A failure that may pass (5xx, timeout, connection lost, SMTP 4xx). <paramref name="Uncertain"/>: the message
    /// was sent and no answer said it was refused, so it may have arrived; a resend may show it twice.
    /// </summary>
    public sealed record Transient(bool Uncertain, string Detail, int? Status = null) : SendOutcome;

    /// <summary>Refused for good (400/401/403/404, SMTP 5xx, login refused): a bad URL, token, address or message; sending again will not help until the settings change.</summary>
    public sealed record Permanent(int? Status, string Detail) : SendOutcome;
}
