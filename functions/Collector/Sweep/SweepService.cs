using MonitoramentoBKP.Collector.Admin;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.Scheduling;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Sweep;

/// <summary>
/// The timer's work: a set whose expected slot plus grace has passed with no newer backup becomes MISSED; a
/// branch whose probe has said nothing for longer than its longest schedule gap (plus grace) becomes SILENT.
/// Idempotent: a set already MISSED or SILENT is left as it is, and every write is conditional, so two
/// overlapping sweeps change nothing twice. It reads only what the due index says is due, so a sweep with
/// nothing due costs one query whatever the number of branches. A branch whose probe was uninstalled is not judged.
/// </summary>
public sealed class SweepService(RegistryService registry, IBranchStateStore store, IDueIndex due, IOutbox outbox, IDispatchSignal signal, TimeProvider time)
{
    public sealed record Result(int BranchesChecked, int SetsMissed, int BranchesSilent);

    public async Task<Result> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        int checkedCount = 0, missed = 0, silent = 0;
        var raised = false;
        foreach (var entries in (await due.DueAsync(now, cancellationToken).ConfigureAwait(false)).GroupBy(e => e.BranchId, StringComparer.OrdinalIgnoreCase))
        {
            var branch = await registry.FindAsync(entries.Key, cancellationToken).ConfigureAwait(false);
            if (branch is null || branch.Paused || branch.Retired)
            {
                await due.RemoveAsync(entries, cancellationToken).ConfigureAwait(false);
                continue;
            }

            checkedCount++;
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var snapshot = await store.ReadAsync(branch.Id, cancellationToken).ConfigureAwait(false);
                var update = WithSilence(branch, snapshot, Judge(branch, snapshot, now), now);
                var after = update is null
                    ? DuePlan.Entries(branch, snapshot.Contact, snapshot.Sets.Values.Select(s => Reschedule(branch, s, now)), now)
                    : DuePlan.Entries(branch, update.Contact, snapshot.Sets.Values.Where(s => !update.Sets.Any(u => u.SetId == s.SetId)).Concat(update.Sets).Select(s => Reschedule(branch, s, now)), now);
                await due.ScheduleAsync(after, cancellationToken).ConfigureAwait(false);
                var changed = update is { Changes.Count: > 0 };
                if (changed)
                {
                    await outbox.MarkAsync(branch.Id, cancellationToken).ConfigureAwait(false);
                }

                if (update is null || await store.TryCommitAsync(branch.Id, snapshot, update, null, cancellationToken).ConfigureAwait(false))
                {
                    if (changed)
                    {
                        await outbox.MarkAsync(branch.Id, cancellationToken).ConfigureAwait(false);
                        raised = true;
                    }

                    await due.RemoveAsync(DuePlan.Stale([.. entries], after), cancellationToken).ConfigureAwait(false);

                    missed += update?.Changes.Count(c => c.New == SetStatus.Missed) ?? 0;
                    silent += update is { Contact.Silent: true } && !snapshot.Contact.Silent ? 1 : 0;
                    break;
                }
            }
        }

        if (raised)
        {
            signal.Raise();
        }

        return new Result(checkedCount, missed, silent);
    }

    /// <summary>
    /// The judgement plus the silence's start or end the sweep records now. Its notes carry the sets' statuses as
    /// they stood before this judgement: the silence ended first (at its time), and what the sweep finds after
    /// that is told as it would be without one.
    /// </summary>
    private static BranchUpdate? WithSilence(BranchPolicy branch, BranchSnapshot snapshot, BranchUpdate? update, DateTime now)
    {
        if (Silencing.Silences.Transition(branch, snapshot, now) is not { } silence)
        {
            return update;
        }

        var contact = (update?.Contact ?? snapshot.Contact) with { Silence = silence.Contact.Silence };
        return (update ?? new BranchUpdate { Contact = contact }) with { Contact = contact, Changes = [.. silence.Changes, .. update?.Changes ?? []] };
    }

    /// <summary>A set whose check time has passed gets its next one, so it stays in the sweep's plan.</summary>
    private static SetState Reschedule(BranchPolicy branch, SetState state, DateTime now) =>
        state.NextCheckDueUtc is { } next && next > now || branch.Sets.FirstOrDefault(p => p.Id == state.SetId) is not { } policy
            ? state
            : state with { NextCheckDueUtc = Schedule.NextCheckDue(policy, now) };

    /// <summary>What the sweep changes in one branch at <paramref name="now"/>; null when nothing.</summary>
    public static BranchUpdate? Judge(BranchPolicy branch, BranchSnapshot snapshot, DateTime now)
    {
        var contact = snapshot.Contact;
        if (contact.UninstalledUtc is not null)
        {
            // The probe said goodbye: its silence, and the backups it no longer reports, are expected.
            return null;
        }

        var silentNow = contact.LastContactUtc is { } last && now - last > DuePlan.SilenceAfter(branch, now);
        var sets = new List<SetState>();
        var changes = new List<StatusChange>();
        foreach (var policy in branch.Sets)
        {
            var state = snapshot.Sets.GetValueOrDefault(policy.Id) ?? new SetState { SetId = policy.Id };
            SetState? next = null;
            if (silentNow && state.Status != SetStatus.Silent)
            {
                var age = Say.Age(now - contact.LastContactUtc!.Value);
                next = state with
                {
                    Status = SetStatus.Silent,
                    SinceUtc = now,
                    Reasons = [new FindingRecord("probe-silent", SetStatus.Silent,
                        $"A sonda da filial não se comunica há {age.Pt}. Verifique se o computador está ligado, com internet, e se a tarefa agendada roda.",
                        $"The branch probe has not reported for {age.En}. Check that the computer is on, online, and that the scheduled task runs.")],
                };
            }
            else if (!silentNow && state.Status.Rank() < SetStatus.Missed.Rank() && state.Status != SetStatus.Silent
                && Schedule.LatestDueSlot(policy, now) is { } slot
                && (state.Newest is null ? state.LastRunUtc is not null : state.Newest.LastWriteUtc < slot - Schedule.EarlyTolerance(policy, slot)))
            {
                var expected = Say.LocalTime(slot, policy.TimeZone);
                next = state with
                {
                    Status = SetStatus.Missed,
                    SinceUtc = now,
                    Reasons = [new FindingRecord("backup-missed", SetStatus.Missed,
                        $"Nenhum backup novo chegou até o horário previsto ({expected.Pt}) mais a tolerância. Verifique a tarefa de backup e a sonda.",
                        $"No new backup arrived by the expected time ({expected.En}) plus grace. Check the backup job and the probe.")],
                };
            }

            if (next is null)
            {
                continue;
            }

            next = next with { NextCheckDueUtc = Schedule.NextCheckDue(policy, now) };
            sets.Add(next);
            changes.Add(State.BranchJudgement.Change(branch.Id, state, next, next.Reasons, now, null));
        }

        if (sets.Count == 0 && silentNow == contact.Silent)
        {
            return null;
        }

        return new BranchUpdate { Contact = contact with { Silent = silentNow }, Sets = sets, Changes = changes };
    }
}
