namespace MonitoramentoBKP.Collector.Channels.Sending;

/// <summary>
/// Keeps the sends to one destination within its rate limits: each limit is a sliding window of the last sends,
/// and a <see cref="SendOutcome.RetryAfter"/> holds every send until it has passed. One pacer per destination
/// (a webhook URL, a chat), shared by whoever sends there; thread-safe.
/// </summary>
public sealed class ChannelPacer(IReadOnlyList<RateLimit> limits, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly List<DateTimeOffset> sent = [];
    private DateTimeOffset heldUntil = DateTimeOffset.MinValue;

    public IReadOnlyList<RateLimit> Limits => limits;

    /// <summary>How long to wait before the next send may go; zero when it may go now.</summary>
    public TimeSpan Wait()
    {
        lock (gate)
        {
            return WaitAt(time.GetUtcNow());
        }
    }

    /// <summary>Waits until a send may go and counts it as sent. Several callers are let through one at a time, each within the limits.</summary>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                var now = time.GetUtcNow();
                wait = WaitAt(now);
                if (wait <= TimeSpan.Zero)
                {
                    sent.Add(now);
                    Forget(now);
                    return;
                }
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The service asked to wait (429 Retry-After): nothing goes until then.</summary>
    public void Hold(TimeSpan delay)
    {
        lock (gate)
        {
            var until = time.GetUtcNow() + delay;
            if (until > heldUntil)
            {
                heldUntil = until;
            }
        }
    }

    private TimeSpan WaitAt(DateTimeOffset now)
    {
        var until = heldUntil;
        foreach (var limit in limits)
        {
            var inWindow = sent.Where(t => t > now - limit.Per).ToList();
            if (inWindow.Count >= limit.Messages)
            {
                // The window frees a place when the oldest send in it that keeps it full leaves.
                var frees = inWindow[inWindow.Count - limit.Messages] + limit.Per;
                if (frees > until)
                {
                    until = frees;
                }
            }
        }

        return until > now ? until - now : TimeSpan.Zero;
    }

    private void Forget(DateTimeOffset now)
    {
        var longest = limits.Count == 0 ? TimeSpan.Zero : limits.Max(l => l.Per);
        sent.RemoveAll(t => t <= now - longest);
    }
}
