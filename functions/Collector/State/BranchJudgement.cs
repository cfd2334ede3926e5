using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.Rules;
using MonitoramentoBKP.Collector.Scheduling;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.State;

/// <summary>
/// Turns one manifest into a branch update: each set judged at the manifest's own run time against its
/// history. A manifest older than the one that set the current status (a probe that sends its spool days
/// later) only fills the history and the day grid: it never rolls a newer status back.
/// </summary>
public sealed class BranchJudgement(Judge judge)
{
    public const int HistoryLength = 30;

    public BranchUpdate Apply(BranchPolicy branch, BranchSnapshot snapshot, Manifest manifest, string manifestBlob, Manifest? previous, DateTime receivedUtc, DateTime? sentUtc)
    {
        var contact = snapshot.Contact;
        var newest = contact.LastRunUtc is not { } lastRun || manifest.FinishedUtc > lastRun;
        var sets = new List<SetState>();
        var changes = new List<StatusChange>();
        var days = new List<DayVerdict>();

        foreach (var policy in branch.Sets)
        {
            var state = snapshot.Sets.GetValueOrDefault(policy.Id) ?? new SetState { SetId = policy.Id };
            var report = manifest.Sets.FirstOrDefault(s => string.Equals(s.Id, policy.Id, StringComparison.OrdinalIgnoreCase));
            var late = state.LastRunUtc is { } setRun && manifest.FinishedUtc <= setRun;
            var context = new RuleContext
            {
                Policy = policy,
                Manifest = manifest,
                Set = report,
                History = new SetHistory
                {
                    RecentBackups = state.RecentBackups.Where(b => b.LastWriteUtc <= manifest.FinishedUtc).ToList(),
                    KnownFiles = late ? new Dictionary<string, BackupObservation>() : KnownFiles(previous, policy.Id),
                },
                ReceivedUtc = receivedUtc,
                ProbeSentUtc = sentUtc,
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

            var reasons = verdict.Findings.Select(FindingRecord.From).ToList();
            var next = state with
            {
                Status = verdict.Status,
                SinceUtc = verdict.Status == state.Status && state.SinceUtc is not null ? state.SinceUtc : manifest.FinishedUtc,
                Reasons = reasons,
                Newest = context.Newest is { } n ? new BackupObservation(n.Path, n.Size, n.LastWriteUtc, n.Sha256!) : null,
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
            },
            Sets = sets,
            Changes = changes,
            Days = days,
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

    private static Dictionary<string, BackupObservation> KnownFiles(Manifest? previous, string setId)
    {
        var set = previous?.Sets.FirstOrDefault(s => string.Equals(s.Id, setId, StringComparison.OrdinalIgnoreCase));
        var known = new Dictionary<string, BackupObservation>(set?.Files.Count ?? 0, StringComparer.Ordinal);
        foreach (var file in set?.Files ?? [])
        {
            if (file.Sha256 is not null)
            {
                known[file.Path] = new BackupObservation(file.Path, file.Size, file.LastWriteUtc, file.Sha256);
            }
        }

        return known;
    }

    /// <summary>Adds the run's newest backup to the history when the run did not fail it; keeps the list newest first and short.</summary>
    private static IReadOnlyList<BackupObservation> Remember(IReadOnlyList<BackupObservation> history, FileReport? newest, SetVerdict verdict)
    {
        if (newest?.Sha256 is null || verdict.Status is SetStatus.Failed or SetStatus.Unknown
            || history.Any(b => b.Path == newest.Path && b.LastWriteUtc == newest.LastWriteUtc))
        {
            return history;
        }

        return history
            .Append(new BackupObservation(newest.Path, newest.Size, newest.LastWriteUtc, newest.Sha256))
            .OrderByDescending(b => b.LastWriteUtc)
            .Take(HistoryLength)
            .ToList();
    }
}
