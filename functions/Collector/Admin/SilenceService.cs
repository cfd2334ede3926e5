using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.Silencing;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Admin;

/// <summary>
/// POST /api/branches/{id}/silence silences a branch (or some of its sets) until a time, with a reason; DELETE
/// ends it early. The silence goes into the branch's state with one Alertas log line per set, in one commit;
/// its end (early, or the sweep's when its time comes) announces what is still wrong.
/// </summary>
public sealed class SilenceService(IBranchDirectory directory, IBranchStateStore store, IDueIndex due, IOutbox outbox, IDispatchSignal signal, TimeProvider time)
{
    public const int MaxReasonChars = 500;
    private const int MaxAttempts = 10;

    public async Task<SilenceOutcome> SilenceAsync(string branchId, SilenceRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonChars || reason.Any(char.IsControl))
        {
            return Invalid($"reason: say why the branch is silenced, in 1 to {MaxReasonChars} characters without control characters.");
        }

        if (request.Until is not { } untilText || !SilenceRequest.TryInstant(untilText, out var until))
        {
            return Invalid($"until: {(request.Until is null ? "required" : $"'{request.Until}' is not")} an instant with its offset, like 2026-12-05T18:00:00-03:00.");
        }

        var from = now;
        if (request.From is { } fromText && (!SilenceRequest.TryInstant(fromText, out from) || from < now.AddMinutes(-5)))
        {
            return Invalid($"from: '{fromText}' is not an instant with its offset from now on, like 2026-12-05T08:00:00-03:00 (leave it out to start now).");
        }

        from = from < now ? now : from;
        if (until <= now || until <= from)
        {
            return Invalid($"until: {untilText} is not after {(until <= now ? "now" : "'from'")} ({(until <= now ? now : from):yyyy-MM-ddTHH:mm:ssZ}).");
        }

        if (until - from > Silences.Longest)
        {
            return Invalid($"until: a silence lasts at most {Silences.Longest.TotalDays:0} days; for longer, pause the branch in the registry.");
        }

        var branch = await directory.FindAsync(branchId, cancellationToken).ConfigureAwait(false);
        if (branch is null)
        {
            return SilenceOutcome.Refused(404, "unknown-branch", "Unknown branch", $"Branch '{branchId}' is not in the registry.");
        }

        var sets = new List<string>();
        foreach (var named in request.Sets ?? [])
        {
            if (branch.Sets.FirstOrDefault(s => string.Equals(s.Id, named, StringComparison.OrdinalIgnoreCase)) is not { } policy)
            {
                return SilenceOutcome.Refused(404, "unknown-set", "Unknown backup set", $"sets: branch '{branch.Id}' has no backup set '{named}' (it has: {string.Join(", ", branch.Sets.Select(s => s.Id))}).");
            }

            sets.Add(policy.Id);
        }

        var silence = new BranchSilence { FromUtc = from, UntilUtc = until, Reason = reason, Sets = [.. sets.Distinct(StringComparer.OrdinalIgnoreCase)], Source = BranchSilence.FromApi };
        return await CommitAsync(branch, snapshot =>
        {
            // A silence in effect is replaced: its end is logged (announcing nothing the new one still covers), then the new one's start.
            var changes = new List<StatusChange>();
            if (snapshot.Contact.Silence is { EndedUtc: null } open && open.FromUtc <= now && now < open.UntilUtc)
            {
                changes.AddRange(Silences.Notes(branch, snapshot, open, ended: true, now).Where(c => !silence.Covers(c.SetId) || silence.FromUtc > now));
            }

            changes.AddRange(Silences.Notes(branch, snapshot, silence, ended: false, from));
            return (snapshot.Contact with { Silence = silence }, changes);
        }, silence, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SilenceOutcome> EndAsync(string branchId, CancellationToken cancellationToken)
    {
        var branch = await directory.FindAsync(branchId, cancellationToken).ConfigureAwait(false);
        if (branch is null)
        {
            return SilenceOutcome.Refused(404, "unknown-branch", "Unknown branch", $"Branch '{branchId}' is not in the registry.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        SilenceOutcome? refused = null;
        var outcome = await CommitAsync(branch, snapshot =>
        {
            if (snapshot.Contact.Silence is { EndedUtc: null } open && now < open.UntilUtc && (open.Source == BranchSilence.FromApi || branch.Silence is null))
            {
                var ended = open with { EndedUtc = now < open.FromUtc ? open.FromUtc : now };
                return (snapshot.Contact with { Silence = ended }, open.FromUtc <= now ? Silences.Notes(branch, snapshot, open, ended: true, now) : []);
            }

            refused = branch.Silence is { } planned && planned.UntilUtc > now
                ? SilenceOutcome.Refused(409, "silenced-by-registry", "Silenced by the registry", $"Branch '{branch.Id}' is silenced by the registry until {planned.UntilUtc:yyyy-MM-ddTHH:mm:ssZ}: remove its 'silence' from the registry to end it.")
                : SilenceOutcome.Refused(409, "not-silenced", "Not silenced", $"Branch '{branch.Id}' has no silence in effect.");
            return null;
        }, null, cancellationToken).ConfigureAwait(false);
        return refused ?? outcome;
    }

    private static SilenceOutcome Invalid(string detail) => SilenceOutcome.Refused(400, "invalid-silence", "Invalid silence", detail);

    private async Task<SilenceOutcome> CommitAsync(BranchPolicy branch, Func<BranchSnapshot, (BranchContact Contact, IReadOnlyList<StatusChange> Changes)?> change, BranchSilence? silence, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var snapshot = await store.ReadAsync(branch.Id, cancellationToken).ConfigureAwait(false);
            if (change(snapshot) is not { } next)
            {
                return new SilenceOutcome { StatusCode = 409 };
            }

            var update = new BranchUpdate { Contact = next.Contact, Changes = next.Changes };

            // The sweep looks at the branch when the silence ends (added before the commit, as the due index wants).
            if (Silences.Due(branch, next.Contact, time.GetUtcNow().UtcDateTime) is { } boundary)
            {
                await due.ScheduleAsync([boundary], cancellationToken).ConfigureAwait(false);
            }

            await outbox.MarkAsync(branch.Id, cancellationToken).ConfigureAwait(false);
            if (await store.TryCommitAsync(branch.Id, snapshot, update, null, cancellationToken).ConfigureAwait(false))
            {
                await outbox.MarkAsync(branch.Id, cancellationToken).ConfigureAwait(false);
                signal.Raise();
                return new SilenceOutcome { StatusCode = 200, Silence = silence ?? next.Contact.Silence };
            }
        }

        return SilenceOutcome.Refused(503, "busy", "Collector busy", $"The state of branch '{branch.Id}' kept changing; nothing was changed; try again.") with { RetryAfterSeconds = 5 };
    }
}
