using System.Security.Cryptography;
using System.Text;
using MonitoramentoBKP.Collector.Admin;
using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.State;
using Polly;
using Polly.Retry;

namespace MonitoramentoBKP.Collector.Sheets;

/// <summary>
/// Delivers the outbox to the managers' sheet: plans alert rows from undelivered status changes (and the daily
/// reminders), saves them as the batch in flight, appends them, marks the changes delivered; then rewrites Status
/// and Histórico when their content changed. At least once, and never a row twice: a batch whose earlier send has
/// an unknown outcome is re-sent only after reading which of its alert ids the sheet already has.
/// </summary>
public sealed class SheetDispatcher(
    ISheetWriter writer,
    ISheetLedgerStore ledgers,
    IOutbox outbox,
    RegistryService registry,
    IBranchStateStore store,
    SheetOptions options,
    TimeProvider time)
{
    private readonly AlertPlanner planner = new(options.Hygiene);
    private readonly SheetBuilder builder = new(options.Language);

    public ISheetWriter Writer => writer;

    public async Task<DispatchResult> DispatchAsync(CancellationToken cancellationToken) => await RunAsync(init: false, cancellationToken).ConfigureAwait(false);

    /// <summary>sheets init: lays out (or repairs) the three tabs, then writes everything as a dispatch would.</summary>
    public async Task<DispatchResult> InitAsync(CancellationToken cancellationToken) => await RunAsync(init: true, cancellationToken).ConfigureAwait(false);

    /// <summary>What GET /api/status says about the sheet (reads the ledger without taking it).</summary>
    public async Task<SheetStatusView> HealthAsync(CancellationToken cancellationToken)
    {
        var ledger = await ledgers.PeekAsync(cancellationToken).ConfigureAwait(false);
        var waiting = await outbox.MarkedAsync(cancellationToken).ConfigureAwait(false);
        var d = ledger.Delivery;
        return new SheetStatusView
        {
            Target = writer.Describe,
            LastDeliveredUtc = d.LastSuccessUtc,
            BranchesWaiting = waiting.Count,
            AlertsInFlight = ledger.InFlight?.Rows.Count ?? 0,
            Problem = d.Problem,
            Permanent = d.Permanent,
            StatusCode = d.StatusCode,
            ProblemSinceUtc = d.ProblemSinceUtc,
            FailuresInARow = d.Failures,
            PermanentFailuresTotal = d.PermanentFailuresTotal,
            TransientFailuresTotal = d.TransientFailuresTotal,
        };
    }

    private async Task<DispatchResult> RunAsync(bool init, CancellationToken cancellationToken)
    {
        await using var lease = await ledgers.TryAcquireAsync(cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return DispatchResult.Busy;
        }

        // Work stops as soon as the hold on the ledger is lost: another dispatcher may be sending by then.
        using var held = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        cancellationToken = held.Token;
        var ledger = await lease.ReadAsync(cancellationToken).ConfigureAwait(false);

        // What was last saved is what counts after a failure (a batch marked attempted stays attempted).
        var saved = ledger;
        async Task SaveAsync(SheetLedger next)
        {
            await lease.SaveAsync(next, cancellationToken).ConfigureAwait(false);
            saved = next;
        }

        var result = new DispatchResult();
        var branches = (await registry.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(b => b.Id, StringComparer.OrdinalIgnoreCase);
        try
        {
            if (init)
            {
                await writer.InitAsync(builder.Layout(time.GetUtcNow().UtcDateTime, options.HeaderZone), options.Language, cancellationToken).ConfigureAwait(false);
                ledger = ledger with { StatusFingerprint = null, HistoryFingerprint = null };
            }

            var now = time.GetUtcNow().UtcDateTime;
            if (ledger.LastOutboxScanUtc is not { } scanned || now - scanned >= options.OutboxScanEvery)
            {
                foreach (var branchId in await outbox.ScanUndeliveredAsync(cancellationToken).ConfigureAwait(false))
                {
                    await outbox.MarkAsync(branchId, cancellationToken).ConfigureAwait(false);
                }

                ledger = ledger with { LastOutboxScanUtc = now };
            }

            for (var round = 0; round < options.MaxRounds; round++)
            {
                if (ledger.InFlight is { } batch)
                {
                    (ledger, result) = await DeliverAsync(SaveAsync, ledger, batch, branches, result, cancellationToken).ConfigureAwait(false);
                }

                var (next, planned) = await PlanAsync(ledger, branches, cancellationToken).ConfigureAwait(false);
                if (!planned)
                {
                    if (!ReferenceEquals(next, ledger))
                    {
                        ledger = next;
                        await SaveAsync(ledger).ConfigureAwait(false);
                    }

                    break;
                }

                ledger = next;
                await SaveAsync(ledger).ConfigureAwait(false);
            }

            (ledger, result) = await RewriteAsync(ledger, branches, result, cancellationToken).ConfigureAwait(false);
            ledger = ledger with { Delivery = ledger.Delivery with { LastSuccessUtc = time.GetUtcNow().UtcDateTime, Problem = null, Permanent = false, StatusCode = null, ProblemSinceUtc = null, Failures = 0 } };
        }
        catch (SheetDeliveryException e)
        {
            var d = saved.Delivery;
            ledger = saved with
            {
                Delivery = d with
                {
                    Problem = e.Message,
                    Permanent = e.Permanent,
                    StatusCode = e.StatusCode,
                    ProblemSinceUtc = d.ProblemSinceUtc ?? time.GetUtcNow().UtcDateTime,
                    Failures = d.Failures + 1,
                    PermanentFailuresTotal = d.PermanentFailuresTotal + (e.Permanent ? 1 : 0),
                    TransientFailuresTotal = d.TransientFailuresTotal + (e.Permanent ? 0 : 1),
                },
            };
            result = result with { Problem = ledger.Delivery };
        }

        await SaveAsync(ledger).ConfigureAwait(false);
        return result;
    }

    /// <summary>Gathers undelivered changes and plans their rows (plus reminders due); false when there is nothing to send or mark.</summary>
    private async Task<(SheetLedger Ledger, bool Planned)> PlanAsync(SheetLedger ledger, IReadOnlyDictionary<string, BranchPolicy> branches, CancellationToken cancellationToken)
    {
        var marks = await outbox.MarkedAsync(cancellationToken).ConfigureAwait(false);
        var changes = new List<StatusChange>();
        var gate = new Lock();
        await Parallel.ForEachAsync(marks, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken }, async (mark, ct) =>
        {
            var found = await outbox.UndeliveredAsync(mark.BranchId, ct).ConfigureAwait(false);
            lock (gate)
            {
                changes.AddRange(found);
            }
        }).ConfigureAwait(false);

        var plan = planner.Plan(ledger.Episodes, changes, time.GetUtcNow().UtcDateTime, (branchId, setId) =>
            branches.GetValueOrDefault(branchId) is { Paused: false, Retired: false } branch && branch.Sets.Any(s => string.Equals(s.Id, setId, StringComparison.OrdinalIgnoreCase)));
        var next = plan.Episodes.Any(e => !ReferenceEquals(ledger.Episodes.GetValueOrDefault(e.Key), e.Value)) ? ledger with { Episodes = plan.Episodes } : ledger;
        if (marks.Count == 0 && plan.Rows.Count == 0)
        {
            return (next, false);
        }

        return (next with
        {
            InFlight = new AlertBatch
            {
                Rows = plan.Rows,
                Changes = changes.Select(c => new ChangeRef(c.BranchId, c.ChangeId)).ToList(),
                Marks = marks,
            },
        }, true);
    }

    private async Task<(SheetLedger, DispatchResult)> DeliverAsync(Func<SheetLedger, Task> save, SheetLedger ledger, AlertBatch batch, IReadOnlyDictionary<string, BranchPolicy> branches, DispatchResult result, CancellationToken cancellationToken)
    {
        // Waits between tries are real time even under a test clock: the sheet's service recovers in real time.
        var retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<SheetDeliveryException>(e => !e.Permanent),
                MaxRetryAttempts = Math.Max(1, options.DeliveryAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.DeliveryRetryDelay,
            })
            .Build();

        int appended = 0, alreadyThere = 0;
        await retry.ExecuteAsync(async ct =>
        {
            var rows = batch.Rows;
            if (batch.Attempted)
            {
                var present = await writer.AlertIdsAsync(ct).ConfigureAwait(false);
                rows = [.. rows.Where(r => !present.Contains(r.AlertId))];
                alreadyThere = batch.Rows.Count - rows.Count;
            }
            else if (rows.Count > 0)
            {
                // From here on the outcome of the send may be unknown: say so before sending.
                batch = batch with { Attempted = true };
                ledger = ledger with { InFlight = batch };
                await save(ledger).ConfigureAwait(false);
            }

            if (rows.Count > 0)
            {
                await writer.AppendAlertsAsync(builder.Alerts(rows, id => branches.GetValueOrDefault(id)), options.Language, ct).ConfigureAwait(false);
            }

            appended = rows.Count;
        }, cancellationToken).ConfigureAwait(false);

        await Parallel.ForEachAsync(batch.Changes.GroupBy(c => c.BranchId, StringComparer.OrdinalIgnoreCase), new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken }, async (group, ct) =>
            await outbox.MarkDeliveredAsync(group.Key, [.. group.Select(c => c.ChangeId)], ct).ConfigureAwait(false)).ConfigureAwait(false);
        await Parallel.ForEachAsync(batch.Marks, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken }, async (mark, ct) =>
            await outbox.UnmarkAsync(mark, ct).ConfigureAwait(false)).ConfigureAwait(false);

        ledger = ledger with { InFlight = null };
        await save(ledger).ConfigureAwait(false);
        return (ledger, result with
        {
            AlertsAppended = result.AlertsAppended + appended,
            AlertsAlreadyThere = result.AlertsAlreadyThere + alreadyThere,
            ChangesDelivered = result.ChangesDelivered + batch.Changes.Count,
        });
    }

    private async Task<(SheetLedger, DispatchResult)> RewriteAsync(SheetLedger ledger, IReadOnlyDictionary<string, BranchPolicy> branches, DispatchResult result, CancellationToken cancellationToken)
    {
        var snapshots = new (BranchPolicy, BranchSnapshot)[branches.Count];
        var list = branches.Values.OrderBy(b => b.Id, StringComparer.OrdinalIgnoreCase).ToList();
        await Parallel.ForEachAsync(Enumerable.Range(0, list.Count), new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
            snapshots[i] = (list[i], await store.ReadAsync(list[i].Id, ct).ConfigureAwait(false))).ConfigureAwait(false);

        var status = builder.Status(snapshots, time.GetUtcNow().UtcDateTime);
        var statusPrint = Fingerprint(status);
        if (statusPrint != ledger.StatusFingerprint)
        {
            await writer.RewriteAsync(status, options.Language, cancellationToken).ConfigureAwait(false);
            ledger = ledger with { StatusFingerprint = statusPrint };
            result = result with { StatusRewritten = true };
        }

        var history = builder.History(snapshots, time.GetUtcNow().UtcDateTime, options.HeaderZone);
        var historyPrint = Fingerprint(history);
        if (historyPrint != ledger.HistoryFingerprint)
        {
            await writer.RewriteAsync(history, options.Language, cancellationToken).ConfigureAwait(false);
            ledger = ledger with { HistoryFingerprint = historyPrint };
            result = result with { HistoryRewritten = true };
        }

        return (ledger, result);
    }

    /// <summary>A hash of everything a tab shows, headers included, so an unchanged tab is not written again.</summary>
    private string Fingerprint(SheetTab tab)
    {
        var text = new StringBuilder();
        text.AppendJoin('\u001f', tab.Headers(options.Language)).Append('\u001e');
        foreach (var row in tab.Rows)
        {
            text.AppendJoin('\u001f', row.Select(c => c.Display(options.Language))).Append('\u001e');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
