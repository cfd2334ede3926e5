using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.Rules;
using MonitoramentoBKP.Collector.Scheduling;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.State;

/// <summary>
/// Turns one manifest into a branch update: each set judged at the manifest's own run time, on the collector's
/// clock (<see cref="ProbeClock"/>), against its history and its files' baseline. A manifest older than the one
/// that set the current status (a probe that sends its spool days later) only fills the history and the day
/// grid: it never rolls a newer status back. Everything stored is bounded (<see cref="Bounded"/>).
/// </summary>
public sealed class BranchJudgement(Judge judge)
{
    public const int HistoryLength = 30;

    /// <param name="manifest">The manifest as the probe sent it (its own clock).</param>
    /// <param name="baseline">What the branch's known files were when written, as of the snapshot.</param>
    public BranchUpdate Apply(BranchPolicy branch, BranchSnapshot snapshot, FileBaseline baseline, Manifest manifest, string manifestBlob, DateTime receivedUtc, DateTime? sentUtc)
    {
        var raw = manifest;
        var skew = ProbeClock.Skew(raw, receivedUtc, sentUtc);
        manifest = ProbeClock.Corrected(raw, skew, receivedUtc);
        var contact = snapshot.Contact;
        var newest = contact.LastRunUtc is not { } lastRun || manifest.FinishedUtc > lastRun;
        var nextBaseline = baseline;
        var sets = new List<SetState>();
        var changes = new List<StatusChange>();
        var days = new List<DayVerdict>();

        foreach (var policy in branch.Sets)
        {
            var state = snapshot.Sets.GetValueOrDefault(policy.Id) ?? new SetState { SetId = policy.Id };
            var report = manifest.Sets.FirstOrDefault(s => string.Equals(s.Id, policy.Id, StringComparison.OrdinalIgnoreCase));
            var late = state.LastRunUtc is { } setRun && manifest.FinishedUtc <= setRun;
            IReadOnlyList<AlteredFile> altered = [];
            if (!late)
            {
                var compared = BaselineComparison.Compare(baseline.Of(policy.Id), report);
                altered = compared.Altered;
                nextBaseline = compared.Changed ? nextBaseline.With(policy.Id, compared.Files) : nextBaseline;
            }

            var context = new RuleContext
            {
                Policy = policy,
                Manifest = manifest,
                Set = report,
                History = new SetHistory
                {
                    // File times in the history are the probe's own, as the file system keeps them: compare them with its own clock.
                    RecentBackups = state.RecentBackups.Where(b => b.LastWriteUtc <= raw.FinishedUtc).ToList(),
                    Altered = altered,
                },
                ReceivedUtc = receivedUtc,
                ClockSkew = skew,
            };
            var verdict = branch.Paused ? new SetVerdict(SetStatus.Unknown, []) : judge.Evaluate(context);
            var recent = Remember(state.RecentBackups, context.Newest, verdict);

            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(manifest.FinishedUtc, policy.TimeZone));
            if (!snapshot.Days.TryGetValue((policy.Id, day), out var known) || known.RunUtc < manifest.FinishedUtc)
            {
                days.Add(new DayVerdict(policy.Id, day, verdict.Status, manifest.FinishedUtc));
            }

            if (late)
            {
                if (!ReferenceEquals(recent, state.RecentBackups))
                {
                    sets.Add(state with { RecentBackups = recent });
                }

                continue;
            }

            var reasons = FindingRecord.Bound(verdict.Findings);
            var next = state with
            {
                Status = verdict.Status,
                SinceUtc = verdict.Status == state.Status && state.SinceUtc is not null ? state.SinceUtc : manifest.FinishedUtc,
                Reasons = reasons,
                Newest = context.Newest is { } n ? BackupObservation.Of(n) with { LastWriteUtc = context.OnCollectorClock(n.LastWriteUtc) } : null,
                LastRunUtc = manifest.FinishedUtc,
                LastRunId = manifest.RunId,
                RecentBackups = recent,
                NextCheckDueUtc = branch.Paused ? null : Schedule.NextCheckDue(policy, context.JudgedAtUtc - policy.Grace),
            };
            sets.Add(next);
            if (next.Status != state.Status)
            {
                changes.Add(Change(branch.Id, state, next, reasons, manifest.FinishedUtc, manifest.RunId));
            }
        }

        return new BranchUpdate
        {
            Contact = contact with
            {
                LastContactUtc = contact.LastContactUtc is { } c && c > receivedUtc ? c : receivedUtc,
                ProbeVersion = newest ? manifest.ProbeVersion : contact.ProbeVersion,
                HostName = newest ? manifest.HostName : contact.HostName,
                LastRunUtc = newest ? manifest.FinishedUtc : contact.LastRunUtc,
                LastManifestBlob = newest ? manifestBlob : contact.LastManifestBlob,
                Silent = false,
                Update = newest ? manifest.Update : contact.Update,
                UninstalledUtc = null,
            },
            Sets = sets,
            Changes = changes,
            Days = days,
            Baseline = ReferenceEquals(nextBaseline, baseline) ? null : nextBaseline,
        };
    }

    public static StatusChange Change(string branchId, SetState before, SetState after, IReadOnlyList<FindingRecord> reasons, DateTime atUtc, Guid? runId) => new()
    {
        ChangeId = $"{atUtc:yyyyMMddHHmmssfffffff}-{after.SetId}-{runId?.ToString("N") ?? "sweep"}",
        BranchId = branchId,
        SetId = after.SetId,
        Old = before.Status,
        New = after.Status,
        Reasons = reasons,
        AtUtc = atUtc,
        RunId = runId,

        // A first OK tells nobody anything; every other flip, including a recovery, is worth telling.
        Notify = !(before.Status == SetStatus.Unknown && after.Status is SetStatus.Ok or SetStatus.Unknown),
        PreviousLasted = before.SinceUtc is { } since && atUtc > since ? atUtc - since : null,
    };

    /// <summary>Adds the run's newest backup to the history when the run did not fail it; keeps the list newest first and short.</summary>
    private static IReadOnlyList<BackupObservation> Remember(IReadOnlyList<BackupObservation> history, FileReport? newest, SetVerdict verdict)
    {
        if (newest?.Sha256 is null || verdict.Status is SetStatus.Failed or SetStatus.Unknown
            || history.Any(b => b.IsSame(newest)))
        {
            return history;
        }

        return history
            .Append(BackupObservation.Of(newest))
            .OrderByDescending(b => b.LastWriteUtc)
            .Take(HistoryLength)
            .ToList();
    }
}
