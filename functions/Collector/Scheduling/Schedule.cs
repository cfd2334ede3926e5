using MonitoramentoBKP.Collector.Registry;

namespace MonitoramentoBKP.Collector.Scheduling;

/// <summary>
/// When a set's backups are due: the cron slots of its schedule in the branch's time zone (daylight-saving
/// changes handled by Cronos), skipping days the branch is closed, plus the grace a backup has to arrive.
/// </summary>
public static class Schedule
{
    private static readonly TimeSpan[] Lookbacks = [TimeSpan.FromDays(2), TimeSpan.FromDays(16), TimeSpan.FromDays(64), TimeSpan.FromDays(400)];

    /// <summary>The latest slot whose grace has run out by <paramref name="nowUtc"/>: a backup for it must exist now.</summary>
    public static DateTime? LatestDueSlot(BackupSetPolicy policy, DateTime nowUtc) => LatestSlotAtOrBefore(policy, nowUtc - policy.Grace);

    /// <summary>The latest open-day slot at or before a moment.</summary>
    public static DateTime? LatestSlotAtOrBefore(BackupSetPolicy policy, DateTime utc)
    {
        foreach (var lookback in Lookbacks)
        {
            DateTime? latest = null;
            foreach (var slot in Slots(policy, utc - lookback, utc, toInclusive: true))
            {
                latest = slot;
            }

            if (latest is not null)
            {
                return latest;
            }
        }

        return null;
    }

    /// <summary>The first open-day slot after a moment.</summary>
    public static DateTime? NextSlotAfter(BackupSetPolicy policy, DateTime utc)
    {
        foreach (var lookahead in Lookbacks)
        {
            foreach (var slot in Slots(policy, utc, utc + lookahead, toInclusive: true, fromInclusive: false))
            {
                return slot;
            }
        }

        return null;
    }

    /// <summary>When the next check of this set falls due: the next slot after <paramref name="utc"/>, plus grace.</summary>
    public static DateTime? NextCheckDue(BackupSetPolicy policy, DateTime utc) => NextSlotAfter(policy, utc) + policy.Grace;

    /// <summary>
    /// How early before its slot a backup still counts for it: half the gap since the previous slot, at most 12
    /// hours, so a job that runs a little early is not missed and yesterday's late backup does not count for today.
    /// </summary>
    public static TimeSpan EarlyTolerance(BackupSetPolicy policy, DateTime slotUtc)
    {
        var previous = LatestSlotAtOrBefore(policy, slotUtc - TimeSpan.FromTicks(1));
        var half = previous is { } p ? (slotUtc - p) / 2 : TimeSpan.FromHours(12);
        return half < TimeSpan.FromHours(12) ? half : TimeSpan.FromHours(12);
    }

    /// <summary>The longest stretch between two consecutive slots over the coming weeks (closed days make it longer).</summary>
    public static TimeSpan LongestGap(BackupSetPolicy policy, DateTime fromUtc)
    {
        DateTime? previous = null;
        var longest = TimeSpan.Zero;
        foreach (var slot in Slots(policy, fromUtc, fromUtc + TimeSpan.FromDays(35), toInclusive: false))
        {
            if (previous is { } p && slot - p > longest)
            {
                longest = slot - p;
            }

            previous = slot;
        }

        return longest == TimeSpan.Zero ? TimeSpan.FromDays(35) : longest;
    }

    private static IEnumerable<DateTime> Slots(BackupSetPolicy policy, DateTime fromUtc, DateTime toUtc, bool toInclusive, bool fromInclusive = true)
    {
        var from = DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc);
        var to = DateTime.SpecifyKind(toUtc, DateTimeKind.Utc);
        var slots = new SortedSet<DateTime>();
        foreach (var cron in policy.Schedule)
        {
            foreach (var slot in cron.GetOccurrences(from, to, policy.TimeZone, fromInclusive, toInclusive))
            {
                var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(slot, policy.TimeZone));
                if (policy.Calendar.IsOpen(localDay))
                {
                    slots.Add(slot);
                }
            }
        }

        return slots;
    }
}
