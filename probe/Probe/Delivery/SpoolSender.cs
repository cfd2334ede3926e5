namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>
/// Delivers the spool's entries in order with <see cref="ManifestSender"/> (its retries per entry unchanged): each
/// accepted one is deleted, each refused one set aside, and the first that cannot be delivered ends the run, the
/// rest kept untried for the next. All waits of the run together stay within <see cref="RunWaitBudget"/>, however
/// long the backlog: once it is spent, each entry gets one attempt and no retry.
/// </summary>
public sealed class SpoolSender(
    HttpClient http,
    DeliveryOptions options,
    TimeProvider time,
    Func<TimeSpan, CancellationToken, Task>? delay = null,
    Func<double>? random = null)
{
    private readonly Func<TimeSpan, CancellationToken, Task> _delay = delay ?? ((wait, token) => Task.Delay(wait, time, token));

    /// <summary>Twice what one delivery may wait: a collector that recovers mid-backlog still gets its retries.</summary>
    public TimeSpan RunWaitBudget { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Sends <paramref name="entries"/> in the order given; <paramref name="sending"/> is told of each attempt before it starts.</summary>
    public async Task<SpoolRun> SendAsync(Spool spool, IReadOnlyList<SpoolEntry> entries, Action<SpoolEntry>? sending, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        var outcomes = new List<SpoolSent>();
        foreach (var entry in entries)
        {
            var remaining = RunWaitBudget - waited;
            var budget = options with { MaxTotalDelay = remaining < options.MaxTotalDelay ? remaining : options.MaxTotalDelay };
            var sender = new ManifestSender(http, budget, time, async (wait, token) =>
            {
                waited += wait;
                await _delay(wait, token).ConfigureAwait(false);
            }, random);
            sending?.Invoke(entry);
            DeliveryResult result;
            using (var package = ManifestPackage.Of(entry))
            {
                result = await sender.SendAsync(package, cancellationToken).ConfigureAwait(false);
            }

            switch (result.Outcome)
            {
                case DeliveryOutcome.Delivered:
                    spool.Delivered(entry);
                    outcomes.Add(new SpoolSent(entry, result, null));
                    break;
                case DeliveryOutcome.Refused:
                    outcomes.Add(new SpoolSent(entry, result, SetAside(spool, entry)));
                    break;
                default:
                    outcomes.Add(new SpoolSent(entry, result, null));
                    return new SpoolRun(outcomes, entries.Count - outcomes.Count + 1);
            }
        }

        return new SpoolRun(outcomes, 0);
    }

    /// <summary>Where the refused entry went; null when it could not be moved (it stays, and is tried again next run).</summary>
    private static string? SetAside(Spool spool, SpoolEntry entry)
    {
        try
        {
            return spool.SetAside(entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
