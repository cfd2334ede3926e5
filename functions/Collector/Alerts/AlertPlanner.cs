using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Alerts;

/// <summary>
/// Turns status changes (the outbox, oldest first) and the passing of time into alert rows: opened, escalated,
/// resolved with how long it lasted, a daily reminder while a problem stays, and flap hygiene (a set failing and
/// recovering over and over within an hour yields one alert and one recovery). Pure: the same episodes, changes
/// and time always give the same rows and the same ids.
/// </summary>
public sealed class AlertPlanner(AlertHygiene hygiene)
{
    /// <param name="watched">Whether a branch's set is still judged (registered, not paused, not retired); an open incident of one that is not ends without reminders.</param>
    public AlertPlan Plan(IReadOnlyDictionary<string, AlertEpisode> episodes, IEnumerable<StatusChange> changes, DateTime nowUtc, Func<string, string, bool>? watched = null)
    {
        var next = new Dictionary<string, AlertEpisode>(episodes, StringComparer.Ordinal);
        var rows = new List<AlertRow>();

        foreach (var change in InCommitOrder(changes, episodes))
        {
            var key = AlertEpisode.KeyOf(change.BranchId, change.SetId);
            var episode = next.GetValueOrDefault(key) ?? new AlertEpisode { BranchId = change.BranchId.ToUpperInvariant(), SetId = change.SetId, Current = change.Old };

            // Time passed before this change: a held failure's window may have ended, a reminder may have fallen due.
            episode = Tick(episode, change.AtUtc, rows);
            next[key] = Apply(episode with { Current = change.New, CurrentReasons = change.Reasons }, change, rows);
        }

        foreach (var (key, episode) in next.ToList())
        {
            next[key] = watched is not null && !watched(episode.BranchId, episode.SetId)
                ? episode with { IncidentId = null, OpenedUtc = null, HeldSinceUtc = null }
                : Tick(episode, nowUtc, rows);
        }

        return new AlertPlan([.. rows.OrderBy(r => r.AtUtc).ThenBy(r => r.AlertId, StringComparer.Ordinal)], next);
    }

    /// <summary>
    /// Each set's changes in the order they were committed. Their times do not always tell it: a sweep's change is
    /// stamped with the collector's clock, a manifest's with the run's end on the probe's, which can be a little
    /// earlier although it was committed later. Each change starts from the status the previous one left.
    /// </summary>
    private static IEnumerable<StatusChange> InCommitOrder(IEnumerable<StatusChange> changes, IReadOnlyDictionary<string, AlertEpisode> episodes)
    {
        foreach (var set in changes.GroupBy(c => AlertEpisode.KeyOf(c.BranchId, c.SetId), StringComparer.Ordinal))
        {
            var pending = set.OrderBy(c => c.AtUtc).ThenBy(c => c.ChangeId, StringComparer.Ordinal).ToList();
            SetStatus? current = episodes.GetValueOrDefault(set.Key)?.Current;
            while (pending.Count > 0)
            {
                var next = pending.FirstOrDefault(c => c.Old == current) ?? pending[0];
                pending.Remove(next);
                current = next.New;
                yield return next;
            }
        }
    }

    public static bool IsProblem(SetStatus status) => status is SetStatus.Warning or SetStatus.Failed or SetStatus.Missed or SetStatus.Silent;

    private AlertEpisode Apply(AlertEpisode episode, StatusChange change, List<AlertRow> rows)
    {
        if (change.Acknowledgement is { } note)
        {
            // Written into the incident it belongs to; outside one (already resolved) it stands on its own.
            var loose = !episode.IsOpen;
            var acknowledged = Write(loose ? Open(episode, change.AtUtc, episode.Announced) : episode, AlertEvent.Acknowledged, change.AtUtc, change.Old, null, rows, [note]);
            episode = loose ? episode : acknowledged;
        }

        if (change.Silence is { } silence)
        {
            return Silence(episode, change, silence, rows);
        }

        if (!change.Notify)
        {
            return episode;
        }

        if (IsProblem(change.New))
        {
            if (episode.IsOpen)
            {
                return change.New.Rank() > episode.Announced.Rank()
                    ? Write(episode with { Announced = change.New }, AlertEvent.Escalated, change.AtUtc, change.Old, null, rows)
                    : episode;
            }

            if (episode.HeldSinceUtc is not null)
            {
                return episode;
            }

            if (episode.ResolvedUtc is { } resolved && change.AtUtc - resolved < hygiene.FlapWindow)
            {
                return episode with { HeldSinceUtc = change.AtUtc, Previous = change.Old };
            }

            return Write(Open(episode, change.AtUtc, change.New), AlertEvent.Opened, change.AtUtc, change.Old, null, rows);
        }

        if (!episode.IsOpen)
        {
            // A held failure that recovered inside the flap window: the recovery already announced still stands.
            return episode with { HeldSinceUtc = null };
        }

        if (change.New != SetStatus.Ok)
        {
            // Paused (UNKNOWN): nothing is judged any more, so nothing is resolved either; the incident just ends.
            return episode with { IncidentId = null, OpenedUtc = null, HeldSinceUtc = null, ResolvedUtc = null };
        }

        var lasted = change.AtUtc - episode.OpenedUtc;
        var closed = Write(episode, AlertEvent.Resolved, change.AtUtc, change.Old, lasted < TimeSpan.Zero ? TimeSpan.Zero : lasted, rows);
        return closed with { IncidentId = null, OpenedUtc = null, HeldSinceUtc = null, ResolvedUtc = change.AtUtc, Announced = SetStatus.Ok };
    }

    /// <summary>
    /// A silence's start or end, in the log. Its end, on a set still wrong, is written into the set's incident (opened
    /// then if the problem began without one), so the routes hear it once and, later, its recovery.
    /// </summary>
    private static AlertEpisode Silence(AlertEpisode episode, StatusChange change, Silencing.SilenceNote silence, List<AlertRow> rows)
    {
        var until = silence.UntilLocal;
        var note = silence.Ended
            ? new FindingRecord("silence-ended", change.New, $"Fim do silêncio. Motivo: {silence.Reason}", $"Silence ended. Reason: {silence.Reason}")
            : new FindingRecord("silenced", change.New, $"SILENCIADA até {until} — {silence.Reason}", $"SILENCED until {until} — {silence.Reason}");
        if (silence.Ended && IsProblem(change.New))
        {
            var open = episode.IsOpen ? episode : Open(episode, change.AtUtc, change.New);
            return Write(open with { Announced = SetStatusOrder.Worst(open.Announced, change.New) }, AlertEvent.SilenceEnded, change.AtUtc, change.Old, change.AtUtc - open.OpenedUtc, rows, [note, .. change.Reasons]);
        }

        // Outside an incident the line stands on its own.
        var loose = !episode.IsOpen;
        var written = Write(loose ? Open(episode, change.AtUtc, episode.Announced) : episode, silence.Ended ? AlertEvent.SilenceEnded : AlertEvent.Silenced, change.AtUtc, change.Old, null, rows, [note]);
        return loose ? episode : written;
    }

    private AlertEpisode Tick(AlertEpisode episode, DateTime nowUtc, List<AlertRow> rows)
    {
        if (!episode.IsOpen && episode.HeldSinceUtc is { } held && episode.ResolvedUtc is { } resolved && nowUtc - resolved >= hygiene.FlapWindow)
        {
            // Announced when the window ended, not when someone looked.
            var at = resolved + hygiene.FlapWindow > held ? resolved + hygiene.FlapWindow : held;
            return IsProblem(episode.Current)
                ? Write(Open(episode, held, episode.Current) with { HeldSinceUtc = null }, AlertEvent.Reopened, at, episode.Previous, at - held, rows)
                : episode with { HeldSinceUtc = null };
        }

        if (episode.IsOpen && IsProblem(episode.Current) && episode.LastRowUtc is { } last && nowUtc - last >= hygiene.ReminderEvery)
        {
            return Write(episode, AlertEvent.Reminder, nowUtc, episode.Current, nowUtc - episode.OpenedUtc, rows);
        }

        return episode;
    }

    private static AlertEpisode Open(AlertEpisode episode, DateTime atUtc, SetStatus status) => episode with
    {
        IncidentId = $"{episode.BranchId}/{episode.SetId}/{atUtc:yyyyMMdd-HHmmss}",
        OpenedUtc = atUtc,
        RowsWritten = 0,
        Announced = status,
    };

    private static AlertEpisode Write(AlertEpisode episode, AlertEvent what, DateTime atUtc, SetStatus previous, TimeSpan? duration, List<AlertRow> rows, IReadOnlyList<FindingRecord>? reasons = null)
    {
        var n = episode.RowsWritten + 1;

        // A set's rows never go back in time, even when a probe's clock put a change a little before the previous one.
        atUtc = episode.LastRowUtc is { } last && last > atUtc && episode.IsOpen ? last : atUtc;
        rows.Add(new AlertRow
        {
            AlertId = $"{episode.IncidentId}.{n}",
            AtUtc = atUtc,
            BranchId = episode.BranchId,
            SetId = episode.SetId,
            Event = what,
            Status = what == AlertEvent.Resolved ? SetStatus.Ok : episode.Current,
            Previous = previous,
            Reasons = reasons ?? (what == AlertEvent.Resolved ? [] : episode.CurrentReasons),
            Duration = duration,
        });
        return episode with { RowsWritten = n, LastRowUtc = atUtc };
    }
}
