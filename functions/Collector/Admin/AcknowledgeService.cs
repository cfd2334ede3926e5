using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Rules;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Admin;

/// <summary>
/// POST /api/branches/{id}/sets/{set}/acknowledge: ops has looked at a set's altered backups (a restore test, a
/// known maintenance) and says they are what they should be. What they read now becomes what they are, the
/// altered finding leaves the set's status (the rest of its findings stay), and the reason goes to the alert log.
/// </summary>
public sealed class AcknowledgeService(IBranchDirectory directory, IBranchStateStore store, IBaselineStore baselines, IOutbox outbox, IDispatchSignal signal, TimeProvider time)
{
    public const int MaxReasonChars = 500;
    private const int MaxAttempts = 10;

    public async Task<AcknowledgeOutcome> AcknowledgeAsync(string branchId, string setId, string? reason, CancellationToken cancellationToken)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonChars || reason.Any(char.IsControl))
        {
            return AcknowledgeOutcome.Refused(400, "invalid-acknowledgement", "Invalid acknowledgement",
                $"reason: say why the altered backups are acceptable, in 1 to {MaxReasonChars} characters without control characters (body: {{\"reason\": \"...\"}}).");
        }

        var branch = await directory.FindAsync(branchId, cancellationToken).ConfigureAwait(false);
        if (branch is null)
        {
            return AcknowledgeOutcome.Refused(404, "unknown-branch", "Unknown branch", $"Branch '{branchId}' is not in the registry.");
        }

        var policy = branch.Sets.FirstOrDefault(s => string.Equals(s.Id, setId, StringComparison.OrdinalIgnoreCase));
        if (policy is null)
        {
            return AcknowledgeOutcome.Refused(404, "unknown-set", "Unknown backup set", $"Branch '{branch.Id}' has no backup set '{setId}' (it has: {string.Join(", ", branch.Sets.Select(s => s.Id))}).");
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var snapshot = await store.ReadAsync(branch.Id, cancellationToken).ConfigureAwait(false);
            var baseline = await baselines.ReadAsync(snapshot.Contact.BaselineBlob, cancellationToken).ConfigureAwait(false);
            var known = baseline.Of(policy.Id);
            var altered = known.Values.Count(k => k.Altered);
            if (altered == 0)
            {
                return AcknowledgeOutcome.Refused(409, "nothing-to-acknowledge", "Nothing to acknowledge", $"No backup of set '{policy.Id}' of branch '{branch.Id}' reads differently from when it was written.");
            }

            var now = time.GetUtcNow().UtcDateTime;
            var state = snapshot.Sets.GetValueOrDefault(policy.Id) ?? new SetState { SetId = policy.Id };
            var reasons = state.Reasons.Where(r => r.RuleId != new BackupAlteredRule().Id).ToList();
            var status = state.Status == SetStatus.Unknown
                ? SetStatus.Unknown
                : reasons.Aggregate(SetStatus.Ok, (worst, r) => SetStatusOrder.Worst(worst, r.Status));
            var next = state with { Status = status, Reasons = reasons, SinceUtc = status == state.Status ? state.SinceUtc : now };
            var note = new FindingRecord("acknowledged", status,
                $"Reconhecido pela operação: {altered} backup(s) alterado(s) aceito(s) como estão agora. Motivo: {reason}",
                $"Acknowledged by ops: {altered} altered backup(s) accepted as they read now. Reason: {reason}");
            var change = BranchJudgement.Change(branch.Id, state, next, reasons, now, null) with
            {
                ChangeId = $"{now:yyyyMMddHHmmssfffffff}-{policy.Id}-ack-{Guid.NewGuid():N}",
                Notify = status != state.Status,
                Acknowledgement = note,
            };
            var name = IBaselineStore.NameFor(branch.Id, now, Guid.NewGuid());
            await baselines.WriteAsync(name, baseline.With(policy.Id, BaselineComparison.Acknowledge(known)), cancellationToken).ConfigureAwait(false);
            var update = new BranchUpdate { Contact = snapshot.Contact with { BaselineBlob = name }, Sets = [next], Changes = [change] };
            await outbox.MarkAsync(branch.Id, cancellationToken).ConfigureAwait(false);
            if (await store.TryCommitAsync(branch.Id, snapshot, update, null, cancellationToken).ConfigureAwait(false))
            {
                await outbox.MarkAsync(branch.Id, cancellationToken).ConfigureAwait(false);
                signal.Raise();
                if (snapshot.Contact.BaselineBlob is { } replaced)
                {
                    await baselines.DeleteAsync(replaced, cancellationToken).ConfigureAwait(false);
                }

                return new AcknowledgeOutcome { StatusCode = 200, Status = status, FilesAcknowledged = altered };
            }

            await baselines.DeleteAsync(name, cancellationToken).ConfigureAwait(false);
        }

        return AcknowledgeOutcome.Refused(503, "busy", "Collector busy", $"The state of branch '{branch.Id}' kept changing; nothing was acknowledged; try again.") with { RetryAfterSeconds = 5 };
    }
}
