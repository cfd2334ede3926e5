using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.Collector.Channels.Dispatch;

/// <summary>
/// A route's daily summary from the branches it hears about (paused and retired ones left out), their state, the
/// recoveries of the last 24 hours, and the newest probe version known. Pure.
/// </summary>
public static class SummaryBuilder
{
    /// <param name="newestVersion">The newest probe version published or running; probes on an older one are listed.</param>
    public static DailySummary Build(
        AlertRoute route,
        string eventId,
        DateOnly day,
        DateTime nowUtc,
        IReadOnlyList<(BranchPolicy Branch, BranchSnapshot Snapshot)> branches,
        IReadOnlyList<AlertRow> resolved,
        ReleaseVersion? newestVersion,
        Uri? sheetUrl)
    {
        int ok = 0, warning = 0, failed = 0, missed = 0, silent = 0;
        var problems = new List<SummaryProblem>();
        var probes = new List<ProbeNotice>();
        var heard = branches.Where(b => !b.Branch.Paused && !b.Branch.Retired && route.Audience.Includes(b.Branch)).ToList();
        foreach (var (branch, snapshot) in heard)
        {
            foreach (var policy in branch.Sets)
            {
                var state = snapshot.Sets.GetValueOrDefault(policy.Id);
                var status = state?.Status ?? SetStatus.Unknown;
                switch (status)
                {
                    case SetStatus.Ok: ok++; break;
                    case SetStatus.Warning: warning++; break;
                    case SetStatus.Failed: failed++; break;
                    case SetStatus.Missed: missed++; break;
                    case SetStatus.Silent: silent++; break;
                }

                if (AlertPlanner.IsProblem(status))
                {
                    problems.Add(new SummaryProblem
                    {
                        BranchId = branch.Id,
                        BranchName = branch.Name,
                        SetId = policy.Id,
                        Status = status,
                        SinceUtc = state!.SinceUtc ?? nowUtc,
                        TimeZone = policy.TimeZone,
                        Reasons = state.Reasons,
                    });
                }
            }

            if (Probe(branch, snapshot.Contact, newestVersion) is { } notice)
            {
                probes.Add(notice);
            }
        }

        var byId = heard.ToDictionary(b => b.Branch.Id, b => b.Branch, StringComparer.OrdinalIgnoreCase);
        var recovered = resolved
            .Where(r => r.Event == AlertEvent.Resolved && r.AtUtc > nowUtc.AddHours(-24) && r.AtUtc <= nowUtc && byId.ContainsKey(r.BranchId))
            .Select(r => new SummaryRecovery
            {
                BranchId = byId[r.BranchId].Id,
                BranchName = byId[r.BranchId].Name,
                SetId = r.SetId,
                ResolvedUtc = r.AtUtc,
                Lasted = r.Duration,
                TimeZone = byId[r.BranchId].Sets.FirstOrDefault(s => s.Id == r.SetId)?.TimeZone ?? route.TimeZone,
            })
            .ToList();

        return new DailySummary
        {
            EventId = eventId,
            Route = route.Name,
            Day = day,
            AtUtc = nowUtc,
            TimeZone = route.TimeZone,
            Counts = new SummaryCounts(ok, warning, failed, missed, silent),
            Problems = problems,
            Recovered = recovered,
            Probes = probes,
            Language = route.Language,
            SheetUrl = sheetUrl,
        };
    }

    private static ProbeNotice? Probe(BranchPolicy branch, BranchContact contact, ReleaseVersion? newest)
    {
        if (contact.UninstalledUtc is not null || contact.ProbeVersion is not { } version)
        {
            return null;
        }

        if (contact.Update is { Outcome: not UpdateOutcome.Updated } update && update.Version != version)
        {
            return new ProbeNotice { BranchId = branch.Id, BranchName = branch.Name, Version = version, UpdateFailed = true, Detail = update.Detail ?? $"{update.Outcome} {update.Version}" };
        }

        return newest is not null && ReleaseVersion.TryParse(version, out var running) && running.CompareTo(newest) < 0
            ? new ProbeNotice { BranchId = branch.Id, BranchName = branch.Name, Version = version }
            : null;
    }
}
