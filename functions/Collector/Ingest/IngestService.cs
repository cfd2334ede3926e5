using System.Globalization;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Collector.Sweep;

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
    IDueIndex due,
    IOutbox outbox,
    IDispatchSignal signal,
    BranchJudgement judgement,
    TimeProvider time,
    IngestLimits limits)
{
    public async Task<IngestOutcome> IngestAsync(IngestRequest request, CancellationToken cancellationToken)
    {
        var read = await ManifestReader.ReadAsync(request, limits, cancellationToken).ConfigureAwait(false);
        if (read.Refusal is not null)
        {
            return read.Refusal;
        }

        var manifest = read.Manifest!;
        if (request.Branch is { Length: > 0 } header && !string.Equals(header, manifest.BranchId, StringComparison.OrdinalIgnoreCase))
        {
            return IngestOutcome.Refused(400, "branch-mismatch", "Branch mismatch", $"X-Bkp-Branch says '{header}' but the manifest is from '{manifest.BranchId}'.");
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
            return new IngestOutcome { Result = IngestResult.AlreadyAccepted, StatusCode = 200, BranchId = branch.Id, RunId = manifest.RunId };
        }

        var name = IManifestArchive.NameOf(manifest);
        await archive.TryAddAsync(name, read.Gzip, cancellationToken).ConfigureAwait(false);
        var received = time.GetUtcNow().UtcDateTime;
        DateTime? sent = DateTime.TryParse(request.SentUtc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var s) ? s : null;

        // The previous manifest only changes when another manifest commits first: read it once per blob, not per attempt.
        (string? Name, Contracts.Manifest? Manifest) previous = (null, null);
        for (var attempt = 1; attempt <= limits.MaxCommitAttempts; attempt++)
        {
            var snapshot = await store.ReadAsync(branch.Id, cancellationToken).ConfigureAwait(false);
            if (snapshot.Contact.LastManifestBlob is { } blob && blob != name && blob != previous.Name)
            {
                previous = (blob, await archive.ReadManifestAsync(blob, cancellationToken).ConfigureAwait(false));
            }

            var update = judgement.Apply(branch, snapshot, manifest, name, snapshot.Contact.LastManifestBlob == previous.Name ? previous.Manifest : null, received, sent);

            // Scheduled before the commit, unscheduled after it: a crash in between leaves one look too many, never one too few.
            var before = DuePlan.Entries(branch, snapshot.Contact, snapshot.Sets.Values, received);
            var after = DuePlan.Entries(branch, update.Contact, snapshot.Sets.Values.Where(s => !update.Sets.Any(u => u.SetId == s.SetId)).Concat(update.Sets), received);
            await due.ScheduleAsync(after, cancellationToken).ConfigureAwait(false);
            if (update.Changes.Count > 0)
            {
                await outbox.MarkAsync(branch.Id, cancellationToken).ConfigureAwait(false);
            }

            if (await store.TryCommitAsync(branch.Id, snapshot, update, manifest.RunId, cancellationToken).ConfigureAwait(false))
            {
                if (update.Changes.Count > 0)
                {
                    await outbox.MarkAsync(branch.Id, cancellationToken).ConfigureAwait(false);
                    signal.Raise();
                }

                await due.RemoveAsync(DuePlan.Stale(before, after), cancellationToken).ConfigureAwait(false);

                return new IngestOutcome
                {
                    Result = IngestResult.Accepted,
                    StatusCode = 202,
                    BranchId = branch.Id,
                    RunId = manifest.RunId,
                    Statuses = update.Sets.ToDictionary(x => x.SetId, x => x.Status),
                };
            }

            if (await store.IsAppliedAsync(branch.Id, manifest.RunId, cancellationToken).ConfigureAwait(false))
            {
                // The same run, retried by the probe while this request was still working, won the race.
                return new IngestOutcome { Result = IngestResult.AlreadyAccepted, StatusCode = 200, BranchId = branch.Id, RunId = manifest.RunId };
            }
        }

        throw new InvalidOperationException($"Branch {branch.Id}: state kept changing under {limits.MaxCommitAttempts} attempts to apply run {manifest.RunId}.");
    }
}
