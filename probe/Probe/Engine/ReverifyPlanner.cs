namespace MonitoramentoBKP.Probe.Engine;

/// <summary>
/// Chooses which unchanged files to read again this run, so silent on-disk changes are found: the longest
/// unverified first, within a byte budget. By default the budget is the share of all known bytes that this
/// run's interval is of the period (x1.25 slack), so at one run a day every file is re-read within the
/// period; a file past the period is always taken.
/// </summary>
public static class ReverifyPlanner
{
    public static long DefaultBudget(long knownBytes, DateTime? lastRunUtc, DateTime nowUtc, TimeSpan period)
    {
        var elapsed = lastRunUtc is { } last ? nowUtc - last : TimeSpan.FromDays(1);
        var clamped = TimeSpan.FromTicks(Math.Clamp(elapsed.Ticks, TimeSpan.FromHours(1).Ticks, period.Ticks));
        return (long)Math.Ceiling(knownBytes * (clamped / period) * 1.25);
    }

    /// <summary>Indices into <paramref name="known"/> to re-hash.</summary>
    public static List<int> Select(IReadOnlyList<(long Size, long VerifiedUtcTicks)> known, long budget, DateTime nowUtc, TimeSpan period)
    {
        var order = new int[known.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => known[a].VerifiedUtcTicks.CompareTo(known[b].VerifiedUtcTicks));
        var overdue = (nowUtc - period).Ticks;
        var chosen = new List<int>();
        long spent = 0;
        foreach (var i in order)
        {
            var (size, verified) = known[i];
            if (verified <= overdue || spent + size <= budget)
            {
                chosen.Add(i);
                spent += size;
                continue;
            }

            break;
        }

        return chosen;
    }
}
