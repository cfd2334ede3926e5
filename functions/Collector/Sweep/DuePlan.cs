using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.Scheduling;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Sweep;

/// <summary>When the sweep must next look at a branch: each set's next check, and the moment its probe counts as silent.</summary>
public static class DuePlan
{
    /// <summary>How long a probe may stay quiet: the longest gap between two slots of any of its sets, plus that set's grace.</summary>
    public static TimeSpan SilenceAfter(BranchPolicy branch, DateTime nowUtc) =>
        branch.Sets.Select(s => Schedule.LongestGap(s, nowUtc) + s.Grace).DefaultIfEmpty(TimeSpan.FromDays(2)).Max();

    /// <summary>Nothing for a branch whose probe was uninstalled: there is nothing to expect from it.</summary>
    public static IReadOnlyList<DueEntry> Entries(BranchPolicy branch, BranchContact contact, IEnumerable<SetState> sets, DateTime nowUtc)
    {
        if (contact.UninstalledUtc is not null)
        {
            return [];
        }

        var entries = sets.Where(s => s.NextCheckDueUtc is not null).Select(s => new DueEntry(branch.Id, s.SetId, s.NextCheckDueUtc!.Value)).ToList();
        if (contact.LastContactUtc is { } last && !contact.Silent)
        {
            entries.Add(new DueEntry(branch.Id, null, last + SilenceAfter(branch, nowUtc)));
        }

        if (Silencing.Silences.Due(branch, contact, nowUtc) is { } silence)
        {
            entries.Add(silence);
        }

        return entries;
    }

    /// <summary>The entries of <paramref name="before"/> that <paramref name="after"/> does not keep (moved or gone).</summary>
    public static IReadOnlyList<DueEntry> Stale(IReadOnlyList<DueEntry> before, IReadOnlyList<DueEntry> after) =>
        before.Where(b => !after.Any(a => a.BranchId == b.BranchId && a.SetId == b.SetId && a.DueUtc == b.DueUtc)).ToList();
}
