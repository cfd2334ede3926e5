using System.Globalization;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Collector.Sweep;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Ingest;

/// <summary>
/// POST /api/manifests: validate, refuse unknown or retired branches, archive the raw manifest once, judge
/// it, and commit the branch's new state with its status changes in one conditional write (re-read and
/// re-apply when another manifest of the same branch got there first).
/// </summary>
public sealed class IngestService(
    IBranchDirectory directory,
    IManifestArchive archive,
    IBranchStateStore store,
    IBaselineStore baselines,
    IDueIndex due,
    IOutbox outbox,
    IDispatchSignal signal,
    BranchJudgement judgement,
    TimeProvider time,
    IngestLimits limits,
    LargeManifestGate gate,
    BranchQueue queue)
{
    public async Task<IngestOutcome> IngestAsync(IngestRequest request, CancellationToken cancellationToken)
    {
        var read = await ManifestReader.ReadAsync(request, limits, gate, cancellationToken).ConfigureAwait(false);
        if (read.Refusal is not null)
        {
            return read.Refusal;
        }

        using (read.Place)
        {
            return await IngestAsync(read.Manifest!, read.Gzip, request, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IngestOutcome> IngestAsync(Manifest manifest, byte[] gzip, IngestRequest request, CancellationToken cancellationToken)
    {
        if (request.Branch is { Length: > 0 } header && !string.Equals(header, manifest.BranchId, StringComparison.OrdinalIgnoreCase))
        {
            return IngestOutcome.Refused(401, "branch-mismatch", "Branch mismatch", $"X-Bkp-Branch says '{header}' but the manifest is from '{manifest.BranchId}'.");
        }

        var branch = await directory.FindAsync(manifest.BranchId, cancellationToken).ConfigureAwait(false);
        if (branch is null)
        {
            return IngestOutcome.Refused(404, "unknown-branch", "Unknown branch", $"Branch '{manifest.BranchId}' is not in the registry; enroll it first.");
        }

        if (branch.Retired)
        {
            return IngestOutcome.Refused(410, "retired-branch", "Retired branch", $"Branch '{branch.Id}' ({branch.Name}) is retired; its manifests are no longer accepted.");
        }

        if (await store.IsAppliedAsync(branch.Id, manifest.RunId, cancellationToken).ConfigureAwait(false))
        {
            return Already(branch.Id, manifest.RunId);
        }

        using var turn = await queue.EnterAsync(branch.Id, limits.BranchWait, cancellationToken).ConfigureAwait(false);
        if (turn is null)
        {
            return IngestOutcome.Busy(limits.RetryAfterSeconds, $"Other manifests of branch '{branch.Id}' are being applied; try again in {limits.RetryAfterSeconds} s.");
        }

        var name = IManifestArchive.NameOf(manifest);
        await archive.TryAddAsync(name, gzip, cancellationToken).ConfigureAwait(false);
        var received = time.GetUtcNow().UtcDateTime;
        DateTime? sent = DateTime.TryParse(request.SentUtc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var s) ? s : null;

        // The baseline only changes when another manifest commits first: read it once per version, not per attempt.
        (string? Name, FileBaseline Baseline) known = (null, FileBaseline.Empty);
        for (var attempt = 1; attempt <= limits.MaxCommitAttempts; attempt++)
        {
            var snapshot = await store.ReadAsync(branch.Id, cancellationToken).ConfigureAwait(false);
            if (attempt > 1 && await store.IsAppliedAsync(branch.Id, manifest.RunId, cancellationToken).ConfigureAwait(false))
            {
                // The same run, retried by the probe while this request was still working, won the race.
                return Already(branch.Id, manifest.RunId);
            }

            if (snapshot.Contact.BaselineBlob is { } blob && blob != known.Name)
            {
                known = (blob, await baselines.ReadAsync(blob, cancellationToken).ConfigureAwait(false));
            }

            var update = judgement.Apply(branch, snapshot, snapshot.Contact.BaselineBlob is null ? FileBaseline.Empty : known.Baseline, manifest, name, received, sent);
            string? written = null;
            if (update.Baseline is { } baseline)
            {
                written = IBaselineStore.NameFor(branch.Id, received, Guid.NewGuid());
                await baselines.WriteAsync(written, baseline, cancellationToken).ConfigureAwait(false);
                update = update with { Contact = update.Contact with { BaselineBlob = written } };
            }

            // Scheduled before the commit, unscheduled after it: a crash in between leaves one look too many, never one too few.
            var before = DuePlan.Entries(branch, snapshot.Contact, snapshot.Sets.Values, received);
            var after = DuePlan.Entries(branch, update.Contact, snapshot.Sets.Values.Where(s => !update.Sets.Any(u => u.SetId == s.SetId)).Concat(update.Sets), received);
            await due.ScheduleAsync(after, cancellationToken).ConfigureAwait(false);
            // A new update event or the end of an uninstall changes what the sheet's Status tab says of the probe.
            var tell = update.Changes.Count > 0 || update.Contact.Update != snapshot.Contact.Update || snapshot.Contact.UninstalledUtc is not null;
            if (tell)
            {
                await outbox.MarkAsync(branch.Id, cancellationToken).ConfigureAwait(false);
            }

            if (await store.TryCommitAsync(branch.Id, snapshot, update, manifest.RunId, cancellationToken).ConfigureAwait(false))
            {
                if (tell)
                {
                    await outbox.MarkAsync(branch.Id, cancellationToken).ConfigureAwait(false);
                    signal.Raise();
                }

                await due.RemoveAsync(DuePlan.Stale(before, after), cancellationToken).ConfigureAwait(false);
                if (written is not null && snapshot.Contact.BaselineBlob is { } replaced)
                {
                    await baselines.DeleteAsync(replaced, cancellationToken).ConfigureAwait(false);
                }

                return new IngestOutcome
                {
                    Result = IngestResult.Accepted,
                    StatusCode = 202,
                    BranchId = branch.Id,
                    RunId = manifest.RunId,
                    Statuses = update.Sets.ToDictionary(x => x.SetId, x => x.Status),
                };
            }

            if (written is not null)
            {
                await baselines.DeleteAsync(written, cancellationToken).ConfigureAwait(false);
            }
        }

        // Other instances kept committing this branch first: not a fault, and nothing was applied; the probe retries.
        return IngestOutcome.Busy(limits.RetryAfterSeconds, $"The state of branch '{branch.Id}' kept changing under {limits.MaxCommitAttempts} attempts; nothing was applied; try again in {limits.RetryAfterSeconds} s.");
    }

    private static IngestOutcome Already(string branchId, Guid runId) =>
        new() { Result = IngestResult.AlreadyAccepted, StatusCode = 200, BranchId = branchId, RunId = runId };
}
