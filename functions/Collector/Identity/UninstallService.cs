using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Collector.Sweep;

namespace MonitoramentoBKP.Collector.Identity;

/// <summary>
/// A probe's goodbye and its return. <see cref="UninstalledAsync"/> (the probe's last signed request, from
/// <c>bkp-probe uninstall</c>) marks the branch uninstalled, so the sweep stops expecting anything of it, then
/// revokes its keys: the request that says goodbye is the last one they sign. <see cref="ReinstatedAsync"/> (a new
/// enrollment) ends that, counting the enrollment as contact so silence is measured from then; a manifest ends it too
/// (<see cref="BranchJudgement"/>).
/// </summary>
public sealed class UninstallService(IBranchStateStore store, IBranchDirectory directory, IDueIndex due, IOutbox outbox, IDispatchSignal signal, EnrollmentService enrollment, TimeProvider time)
{
    public const string RevokeReason = "probe uninstalled";

    private const int MaxAttempts = 5;

    public async Task<UninstallOutcome> UninstalledAsync(string branchId, CancellationToken cancellationToken)
    {
        var branch = await directory.FindAsync(branchId, cancellationToken).ConfigureAwait(false);
        if (branch is null)
        {
            return UninstallOutcome.Refused(404, "unknown-branch", "Unknown branch", $"Branch '{branchId}' is not in the registry.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (!await ChangeAsync(branch.Id, c => c with { UninstalledUtc = now }, (_, _) => [], cancellationToken).ConfigureAwait(false))
        {
            return UninstallOutcome.Refused(503, "busy", "Collector busy", $"The state of branch '{branch.Id}' kept changing under {MaxAttempts} attempts; nothing was changed; try again.");
        }

        var revoked = await enrollment.RevokeAsync(branch.Id, RevokeReason, cancellationToken).ConfigureAwait(false);
        return new UninstallOutcome { StatusCode = 200, BranchId = branch.Id, UninstalledUtc = now, Revoked = revoked.Revoked };
    }

    /// <summary>Ends the branch's uninstalled state, if it is in one; true when it was.</summary>
    public async Task<bool> ReinstatedAsync(string branchId, CancellationToken cancellationToken)
    {
        var branch = await directory.FindAsync(branchId, cancellationToken).ConfigureAwait(false);
        if (branch is null || (await store.ReadAsync(branch.Id, cancellationToken).ConfigureAwait(false)).Contact.UninstalledUtc is null)
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        return await ChangeAsync(branch.Id, c => c with { UninstalledUtc = null, LastContactUtc = now, Silent = false },
            (contact, snapshot) => DuePlan.Entries(branch, contact, snapshot.Sets.Values, now), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Commits a change of the branch's contact (re-read and re-applied when overtaken), scheduling what it makes due first.</summary>
    private async Task<bool> ChangeAsync(string branchId, Func<BranchContact, BranchContact> change, Func<BranchContact, BranchSnapshot, IReadOnlyList<Ports.DueEntry>> plan, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var snapshot = await store.ReadAsync(branchId, cancellationToken).ConfigureAwait(false);
            var contact = change(snapshot.Contact);
            await due.ScheduleAsync(plan(contact, snapshot), cancellationToken).ConfigureAwait(false);
            await outbox.MarkAsync(branchId, cancellationToken).ConfigureAwait(false);
            if (await store.TryCommitAsync(branchId, snapshot, new BranchUpdate { Contact = contact }, null, cancellationToken).ConfigureAwait(false))
            {
                await outbox.MarkAsync(branchId, cancellationToken).ConfigureAwait(false);
                signal.Raise();
                return true;
            }
        }

        return false;
    }
}
