namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>
/// The wait before the next attempt: what the collector asked for in Retry-After, or else exponential from the
/// base with ±25% jitter (hundreds of branches run at the same minute and must not retry in step; ±25% keeps
/// each wait longer than the one before). Never past what is left of the total budget; null when none is left.
/// </summary>
public static class RetryDelay
{
    public static TimeSpan? Next(int failedAttempts, TimeSpan? retryAfter, TimeSpan baseDelay, TimeSpan remaining, double random)
    {
        if (remaining <= TimeSpan.Zero)
        {
            return null;
        }

        var wait = retryAfter ?? baseDelay * Math.Pow(2, failedAttempts - 1) * (0.75 + (0.5 * random));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait < remaining ? wait : remaining;
    }
}
