using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using MonitoramentoBKP.Collector.Admin;
using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Channels.Sending;
using MonitoramentoBKP.Collector.Notify;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.Collector.Channels.Dispatch;

/// <summary>
/// Delivers alerts to the registry's routes from the same status-change outbox as the sheet, through its own
/// reader of it (its own marks and flag), so neither waits for the other. Each dispatch, holding the channels'
/// ledger: plans alert rows from the changes not yet taken (the sheet's planner, its own episodes), queues each
/// row in the ledger of every route that admits it (saved before the changes are marked taken), plans the daily
/// summaries that are due, then sends every route's due entries, routes in parallel: an outage of one holds only
/// that one. Each entry is saved as being sent before it is sent, so a crash or a second instance never sends
/// it twice, except that an uncertain outcome is resent with the same event id (counted where the service has no
/// idempotency). More than <see cref="AlertDispatchOptions.StormThreshold"/> alerts due for a route at once go as one digest.
/// </summary>
public sealed partial class AlertDispatcher(
    INotifyLedgerStore ledgers,
    IOutbox outbox,
    RegistryService registry,
    IBranchStateStore store,
    IRolloutStore rollouts,
    IRouteChannels channels,
    IAlertSilences silences,
    AlertDispatchOptions options,
    TimeProvider time,
    ILogger<AlertDispatcher> logger)
{
    private readonly AlertPlanner planner = new(options.Hygiene);
    private readonly ConcurrentDictionary<string, ChannelPacer> pacers = new(StringComparer.Ordinal);

    /// <summary>Routes whose permanent failure was retried since this process started (a restart retries at once).</summary>
    private readonly ConcurrentDictionary<string, bool> retriedSinceStart = new(StringComparer.Ordinal);

    public async Task<AlertDispatchResult> DispatchAsync(CancellationToken cancellationToken)
    {
        await using var lease = await ledgers.TryAcquireAsync(cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return AlertDispatchResult.Busy;
        }

        using var held = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
        cancellationToken = held.Token;
        var ledger = await lease.ReadAsync(cancellationToken).ConfigureAwait(false);
        var gate = new SemaphoreSlim(1, 1);
        async Task SaveAsync(Func<NotifyLedger, NotifyLedger> change)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var next = change(ledger);
                await lease.SaveAsync(next, cancellationToken).ConfigureAwait(false);
                ledger = next;
            }
            finally
            {
                gate.Release();
            }
        }

        var routes = await registry.RoutesAsync(cancellationToken).ConfigureAwait(false);
        var branches = (await registry.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(b => b.Id, StringComparer.OrdinalIgnoreCase);
        var now = time.GetUtcNow().UtcDateTime;

        // Routes as the registry has them now: a new one starts empty, a removed one is forgotten.
        ledger = ledger with { Routes = routes.ToDictionary(r => r.Id, r => ledger.Routes.GetValueOrDefault(r.Id) ?? new RouteLedger(), StringComparer.Ordinal) };

        var queued = await PlanAsync(SaveAsync, () => ledger, routes, branches, now, cancellationToken).ConfigureAwait(false);
        var summaries = 0;
        await SaveAsync(l => PlanSummaries(l, routes, now, out summaries)).ConfigureAwait(false);

        var snapshots = new ConcurrentDictionary<string, Task<BranchSnapshot>>(StringComparer.OrdinalIgnoreCase);
        Task<BranchSnapshot> Snapshot(string branchId) => snapshots.GetOrAdd(branchId.ToUpperInvariant(), id => store.ReadAsync(id, cancellationToken));
        var context = new SendContext(branches, Snapshot, () => ledger.RecentlyResolved);
        var outcomes = await Task.WhenAll(routes.Select(route => DeliverAsync(route, () => ledger.Routes[route.Id], r => SaveAsync(l => WithRoute(l, route.Id, r)), context, cancellationToken))).ConfigureAwait(false);

        var next = ledger.Routes.Values.SelectMany(r => r.Entries.Where(e => e.IsOpen).Select(e => r.HeldUntilUtc is { } h && h > e.NextAttemptUtc ? h : e.NextAttemptUtc)
                .Concat(r.StormUntilUtc is { } storm ? [storm] : []))
            .Where(t => t > now).DefaultIfEmpty(DateTime.MaxValue).Min();
        return new AlertDispatchResult
        {
            Queued = queued,
            Summaries = summaries,
            Sent = outcomes.Sum(o => o.Sent),
            Digests = outcomes.Sum(o => o.Digests),
            Failures = outcomes.Sum(o => o.Failures),
            NextDueUtc = next == DateTime.MaxValue ? null : next,
        };
    }

    /// <summary>Every route as GET /api/status shows it (reads the ledger without taking it).</summary>
    public async Task<IReadOnlyList<RouteStatusView>> StatusAsync(CancellationToken cancellationToken)
    {
        var ledger = await ledgers.PeekAsync(cancellationToken).ConfigureAwait(false);
        var routes = await registry.RoutesAsync(cancellationToken).ConfigureAwait(false);
        return [.. routes.Select(route =>
        {
            var r = ledger.Routes.GetValueOrDefault(route.Id) ?? new RouteLedger();
            var binding = channels.Bind(route);
            var broken = r.Problem is null && binding.Problem is not null;
            return new RouteStatusView
            {
                RouteId = route.Id,
                Name = route.Name,
                Kind = KindName(route.Channel),
                Target = binding.Target,
                Pending = r.Entries.Count(e => e.IsOpen),
                LastDeliveredUtc = r.LastDeliveredUtc,
                LastError = broken ? binding.Problem : r.Problem,
                Permanent = broken || r.Permanent,
                StatusCode = r.StatusCode,
                SinceUtc = r.ProblemSinceUtc,
                DeliveredTotal = r.DeliveredTotal,
                DigestsTotal = r.DigestsTotal,
                UncertainResends = r.UncertainResends,
            };
        })];
    }

    public static string KindName(RouteChannel channel) => channel switch
    {
        RouteChannel.GoogleChat => "googleChat",
        _ => channel.ToString().ToLowerInvariant(),
    };

    /// <summary>Takes the outbox: rows planned and saved in flight, queued to the routes, then the changes marked taken. Returns how many entries were queued.</summary>
    private async Task<int> PlanAsync(Func<Func<NotifyLedger, NotifyLedger>, Task> save, Func<NotifyLedger> current, IReadOnlyList<AlertRoute> routes, IReadOnlyDictionary<string, BranchPolicy> branches, DateTime now, CancellationToken cancellationToken)
    {
        var queued = 0;
        if (current().LastOutboxScanUtc is not { } scanned || now - scanned >= options.OutboxScanEvery)
        {
            foreach (var branchId in await outbox.ScanUndeliveredAsync(cancellationToken).ConfigureAwait(false))
            {
                await outbox.MarkAsync(branchId, cancellationToken).ConfigureAwait(false);
            }

            await save(l => l with { LastOutboxScanUtc = now }).ConfigureAwait(false);
        }

        for (var round = 0; round < options.MaxRounds; round++)
        {
            if (current().InFlight is { } batch)
            {
                var silenced = new HashSet<string>(StringComparer.Ordinal);
                foreach (var row in batch.Rows)
                {
                    if (await silences.IsSilencedAsync(row.BranchId, row.SetId, row.AtUtc, cancellationToken).ConfigureAwait(false))
                    {
                        silenced.Add(row.AlertId);
                    }
                }

                var added = 0;
                await save(l => Queue(l, batch.Rows, silenced, routes, branches, now, out added)).ConfigureAwait(false);
                queued += added;
                foreach (var group in batch.Changes.GroupBy(c => c.BranchId, StringComparer.OrdinalIgnoreCase))
                {
                    await outbox.MarkDeliveredAsync(group.Key, [.. group.Select(c => c.ChangeId)], cancellationToken).ConfigureAwait(false);
                }

                foreach (var mark in batch.Marks)
                {
                    await outbox.UnmarkAsync(mark, cancellationToken).ConfigureAwait(false);
                }

                await save(l => l with { InFlight = null }).ConfigureAwait(false);
            }

            var marks = await outbox.MarkedAsync(cancellationToken).ConfigureAwait(false);
            var changes = new List<StatusChange>();
            foreach (var mark in marks)
            {
                changes.AddRange(await outbox.UndeliveredAsync(mark.BranchId, cancellationToken).ConfigureAwait(false));
            }

            var plan = planner.Plan(current().Episodes, changes, now, (branchId, setId) =>
                branches.GetValueOrDefault(branchId) is { Paused: false, Retired: false } branch && branch.Sets.Any(s => string.Equals(s.Id, setId, StringComparison.OrdinalIgnoreCase)));
            if (marks.Count == 0 && plan.Rows.Count == 0)
            {
                if (plan.Episodes.Any(e => !ReferenceEquals(current().Episodes.GetValueOrDefault(e.Key), e.Value)))
                {
                    await save(l => l with { Episodes = plan.Episodes }).ConfigureAwait(false);
                }

                break;
            }

            await save(l => l with
            {
                Episodes = plan.Episodes,
                InFlight = new AlertBatch { Rows = plan.Rows, Changes = [.. changes.Select(c => new ChangeRef(c.BranchId, c.ChangeId))], Marks = marks },
            }).ConfigureAwait(false);
        }

        return queued;
    }

    /// <summary>Each row into the ledger of every route that admits it, once per event id; resolved rows kept for the summaries.</summary>
    private NotifyLedger Queue(NotifyLedger ledger, IReadOnlyList<AlertRow> rows, IReadOnlySet<string> silenced, IReadOnlyList<AlertRoute> routes, IReadOnlyDictionary<string, BranchPolicy> branches, DateTime now, out int added)
    {
        added = 0;
        var next = new Dictionary<string, RouteLedger>(ledger.Routes, StringComparer.Ordinal);
        foreach (var route in routes)
        {
            var r = next[route.Id];
            var known = r.Entries.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
            var told = new HashSet<string>(r.Told, StringComparer.Ordinal);
            var entries = r.Entries.ToList();
            foreach (var row in rows)
            {
                if (silenced.Contains(row.AlertId) || known.Contains(row.AlertId) || !RouteFilter.Admits(route, branches.GetValueOrDefault(row.BranchId), row, told))
                {
                    continue;
                }

                entries.Add(new RouteEntry { EventId = row.AlertId, Kind = RouteEntryKind.Alert, Rows = [row], PlannedUtc = now, NextAttemptUtc = now });
                added++;
            }

            next[route.Id] = r with { Entries = entries, Told = [.. told] };
        }

        var resolved = ledger.RecentlyResolved.Concat(rows.Where(r => r.Event == AlertEvent.Resolved))
            .Where(r => r.AtUtc > now.AddDays(-2)).DistinctBy(r => r.AlertId, StringComparer.Ordinal).ToList();
        return ledger with { Routes = next, RecentlyResolved = resolved };
    }

    /// <summary>The summary of each route's day once its time has come, planned once per day (the day is claimed in storage before it is sent).</summary>
    private static NotifyLedger PlanSummaries(NotifyLedger ledger, IReadOnlyList<AlertRoute> routes, DateTime now, out int planned)
    {
        planned = 0;
        var next = new Dictionary<string, RouteLedger>(ledger.Routes, StringComparer.Ordinal);
        foreach (var route in routes.Where(r => r.Receives(RouteEvent.DailySummary)))
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(now, route.TimeZone);
            var day = DateOnly.FromDateTime(local);
            var r = next[route.Id];
            if (TimeOnly.FromDateTime(local) < route.SummaryAt || r.LastSummaryDay >= day)
            {
                continue;
            }

            var entry = new RouteEntry
            {
                EventId = SummaryId(route.Id, day),
                Kind = RouteEntryKind.Summary,
                Day = day,
                Claim = Guid.NewGuid().ToString("N"),
                PlannedUtc = now,
                NextAttemptUtc = now,
            };
            next[route.Id] = r with { LastSummaryDay = day, Entries = [.. r.Entries.Where(e => e.EventId != entry.EventId), entry] };
            planned++;
        }

        return ledger with { Routes = next };
    }

    public static string SummaryId(string routeId, DateOnly day) => $"summary/{routeId}/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static NotifyLedger WithRoute(NotifyLedger ledger, string routeId, RouteLedger route) =>
        ledger with { Routes = new Dictionary<string, RouteLedger>(ledger.Routes, StringComparer.Ordinal) { [routeId] = route } };

    private sealed record SendContext(IReadOnlyDictionary<string, BranchPolicy> Branches, Func<string, Task<BranchSnapshot>> Snapshot, Func<IReadOnlyList<AlertRow>> Resolved);

    private sealed record RouteOutcome(int Sent, int Digests, int Failures);

    private async Task<RouteOutcome> DeliverAsync(AlertRoute route, Func<RouteLedger> current, Func<RouteLedger, Task> save, SendContext context, CancellationToken cancellationToken)
    {
        var r = current();
        var now = time.GetUtcNow().UtcDateTime;
        var binding = channels.Bind(route);
        if (binding.Channel is not { } channel)
        {
            if (r.Problem != binding.Problem || !r.Permanent)
            {
                RouteBroken(logger, route.Id, binding.Problem!);
                await save(r with { Problem = binding.Problem, Permanent = true, StatusCode = null, ProblemSinceUtc = r.ProblemSinceUtc ?? now, ProblemSettings = binding.Fingerprint }).ConfigureAwait(false);
            }

            return new RouteOutcome(0, 0, 0);
        }

        var firstSinceStart = retriedSinceStart.TryAdd(route.Id, true);
        var retryNow = r.Permanent && (r.ProblemSettings != binding.Fingerprint || firstSinceStart);
        if (r.HeldUntilUtc is { } until && until > now && !retryNow)
        {
            return new RouteOutcome(0, 0, 0);
        }

        var due = r.Entries.Where(e => e.IsOpen && e.NextAttemptUtc <= now).ToList();
        if (due.Count == 0)
        {
            await save(Prune(r, now)).ConfigureAwait(false);
            return new RouteOutcome(0, 0, 0);
        }

        var entries = r.Entries.ToList();
        void Put(RouteEntry entry) => entries[entries.FindIndex(e => e.EventId == entry.EventId)] = entry;

        // Quiet hours: alerts that do not wake anyone wait for their end (the recovery of one that woke someone does
        // not); summaries come at the route's chosen time.
        if (route.QuietHours is { } quiet && quiet.Contains(TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, route.TimeZone))))
        {
            var end = quiet.EndAfter(now, route.TimeZone);
            foreach (var entry in due.Where(e => e.Kind != RouteEntryKind.Summary && !e.Rows.Any(row => quiet.Wakes(row.Status) || row.Event == AlertEvent.Resolved && quiet.Wakes(row.Previous))).ToList())
            {
                Put(entry with { NextAttemptUtc = end });
                due.Remove(entry);
            }
        }

        // A storm: more alerts due at once than the threshold are told in one digest, which covers each of them. The
        // digest waits for the wave to settle (no new alert for StormSettle, at most StormMaxWait in all), so a wave
        // that arrives over a minute is one message, not one per dispatch.
        var fresh = due.Where(e => e.Kind == RouteEntryKind.Alert && e.State == RouteEntryState.Pending).ToList();
        if (fresh.Count > options.StormThreshold || r.StormSinceUtc is not null && fresh.Count > 0)
        {
            var since = r.StormSinceUtc ?? now;
            var holding = options.StormSettle > TimeSpan.Zero && now - since < options.StormMaxWait
                && (r.StormSinceUtc is null || r.StormUntilUtc > now || fresh.Count > r.StormCount);
            if (holding)
            {
                var settles = r.StormUntilUtc > now && fresh.Count <= r.StormCount ? r.StormUntilUtc.Value : now + options.StormSettle;
                r = r with { StormSinceUtc = since, StormUntilUtc = settles < since + options.StormMaxWait ? settles : since + options.StormMaxWait, StormCount = fresh.Count };
                due.RemoveAll(fresh.Contains);
            }
            else if (fresh.Count == 1)
            {
                r = r with { StormSinceUtc = null, StormUntilUtc = null, StormCount = 0 };
            }
            else
            {
                var id = $"digest/{route.Id}/{now:yyyyMMdd-HHmmss}";
                for (var n = 2; entries.Exists(e => e.EventId == id); n++)
                {
                    id = $"digest/{route.Id}/{now:yyyyMMdd-HHmmss}-{n}";
                }

                var digest = new RouteEntry { EventId = id, Kind = RouteEntryKind.Digest, Rows = [.. fresh.SelectMany(e => e.Rows)], PlannedUtc = now, NextAttemptUtc = now };
                foreach (var entry in fresh)
                {
                    Put(entry with { State = RouteEntryState.Covered, CoveredBy = id, DoneUtc = now });
                    due.Remove(entry);
                }

                entries.Add(digest);
                due.Add(digest);
                r = r with { StormSinceUtc = null, StormUntilUtc = null, StormCount = 0 };
            }
        }

        r = r with { Entries = entries };
        await save(r).ConfigureAwait(false);

        var pacer = pacers.GetOrAdd(route.Id + "\n" + binding.Fingerprint, _ => new ChannelPacer(channel.Limits, time));
        int sent = 0, digests = 0, failures = 0;
        foreach (var planned in due.OrderBy(e => e.Kind == RouteEntryKind.Summary ? 1 : 0).ThenBy(e => e.Rows.Count == 0 ? e.PlannedUtc : e.Rows.Min(row => row.AtUtc)).ThenBy(e => e.EventId, StringComparer.Ordinal))
        {
            var entry = planned;
            if (entry.Kind == RouteEntryKind.Summary && !await ledgers.TryClaimSummaryAsync(route.Id, entry.Day!.Value, entry.Claim!, cancellationToken).ConfigureAwait(false))
            {
                // Another instance claimed (and sends) this day's summary.
                r = r with { Entries = Replace(r.Entries, entry with { State = RouteEntryState.Covered, CoveredBy = "claimed elsewhere", DoneUtc = now }) };
                await save(r).ConfigureAwait(false);
                continue;
            }

            var message = await MessageAsync(route, entry, context, cancellationToken).ConfigureAwait(false);
            SendOutcome outcome;
            var waited = 0;
            while (true)
            {
                var resend = entry.State == RouteEntryState.Sending || entry.Uncertain;
                entry = entry with { State = RouteEntryState.Sending, Attempts = entry.Attempts + 1 };
                r = r with
                {
                    Entries = Replace(r.Entries, entry),
                    UncertainResends = r.UncertainResends + (resend && !channel.Idempotent ? 1 : 0),
                };
                await save(r).ConfigureAwait(false);
                await pacer.AcquireAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    outcome = await channel.SendAsync(message, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    outcome = new SendOutcome.Transient(Uncertain: true, $"{channel.Kind} failed while sending: {e.Message}");
                }

                if (outcome is SendOutcome.RetryAfter wait && wait.Delay <= options.MaxInlineWait && waited++ < 3)
                {
                    pacer.Hold(wait.Delay);
                    entry = entry with { State = RouteEntryState.Pending, Uncertain = false };
                    continue;
                }

                break;
            }

            now = time.GetUtcNow().UtcDateTime;
            switch (outcome)
            {
                case SendOutcome.Delivered:
                    sent++;
                    digests += entry.Kind == RouteEntryKind.Digest ? 1 : 0;
                    r = r with
                    {
                        Entries = Replace(r.Entries, entry with { State = RouteEntryState.Sent, Uncertain = false, DoneUtc = now }),
                        LastDeliveredUtc = now,
                        DeliveredTotal = r.DeliveredTotal + 1,
                        DigestsTotal = r.DigestsTotal + (entry.Kind == RouteEntryKind.Digest ? 1 : 0),
                        Problem = null,
                        Permanent = false,
                        StatusCode = null,
                        ProblemSinceUtc = null,
                        ProblemSettings = null,
                        HeldUntilUtc = null,
                        Failures = 0,
                    };
                    await save(r).ConfigureAwait(false);
                    continue;
                case SendOutcome.RetryAfter wait:
                    pacer.Hold(wait.Delay);
                    r = Failed(r, entry with { State = RouteEntryState.Pending, Uncertain = false }, wait.Detail, permanent: false, null, now + wait.Delay, now, binding);
                    break;
                case SendOutcome.Transient t:
                    r = Failed(r, entry with { State = RouteEntryState.Pending, Uncertain = t.Uncertain }, t.Detail, permanent: false, t.Status, now + Backoff(r.Failures + 1), now, binding);
                    SendFailed(logger, route.Id, t.Detail);
                    break;
                case SendOutcome.Permanent p:
                    r = Failed(r, entry with { State = RouteEntryState.Pending, Uncertain = false }, p.Detail, permanent: true, p.Status, now + options.PermanentRetryEvery, now, binding);
                    RouteRefused(logger, route.Id, KindName(route.Channel), p.Detail);
                    break;
            }

            failures++;
            await save(r).ConfigureAwait(false);
            break;
        }

        await save(Prune(r, now)).ConfigureAwait(false);
        return new RouteOutcome(sent, digests, failures);
    }

    private static RouteLedger Failed(RouteLedger r, RouteEntry entry, string detail, bool permanent, int? status, DateTime holdUntil, DateTime now, RouteChannelBinding binding) => r with
    {
        Entries = Replace(r.Entries, entry),
        Problem = detail,
        Permanent = permanent,
        StatusCode = status,
        ProblemSinceUtc = r.ProblemSinceUtc ?? now,
        ProblemSettings = permanent ? binding.Fingerprint : null,
        HeldUntilUtc = holdUntil,
        Failures = r.Failures + 1,
    };

    private TimeSpan Backoff(int failures)
    {
        var wait = options.RetryBase * Math.Pow(2, Math.Min(failures - 1, 20));
        return wait > options.RetryMax ? options.RetryMax : wait;
    }

    private RouteLedger Prune(RouteLedger r, DateTime now) =>
        r with { Entries = [.. r.Entries.Where(e => e.IsOpen || e.DoneUtc is not { } done || now - done < options.Retention)] };

    private static IReadOnlyList<RouteEntry> Replace(IReadOnlyList<RouteEntry> entries, RouteEntry entry) =>
        [.. entries.Select(e => e.EventId == entry.EventId ? entry : e)];

    private async Task<ChannelMessage> MessageAsync(AlertRoute route, RouteEntry entry, SendContext context, CancellationToken cancellationToken)
    {
        switch (entry.Kind)
        {
            case RouteEntryKind.Alert:
                return await NotificationAsync(route, entry.Rows[0], context).ConfigureAwait(false);
            case RouteEntryKind.Digest:
                var notifications = new List<Notification>(entry.Rows.Count);
                foreach (var row in entry.Rows)
                {
                    notifications.Add(await NotificationAsync(route, row, context).ConfigureAwait(false));
                }

                return new StormDigest
                {
                    EventId = entry.EventId,
                    Route = route.Name,
                    AtUtc = entry.PlannedUtc,
                    TimeZone = route.TimeZone,
                    Notifications = notifications,
                    Language = route.Language,
                    SheetUrl = options.SheetUrl,
                };
            default:
                var heard = context.Branches.Values.Where(b => route.Audience.Includes(b) && !b.Retired && !b.Paused).ToList();
                var pairs = new List<(BranchPolicy, BranchSnapshot)>(heard.Count);
                foreach (var branch in heard)
                {
                    pairs.Add((branch, await context.Snapshot(branch.Id).ConfigureAwait(false)));
                }

                var versions = (await rollouts.AllAsync(cancellationToken).ConfigureAwait(false)).Where(r => !r.Pulled).Select(r => r.Version)
                    .Concat(pairs.Select(p => p.Item2.Contact.ProbeVersion).OfType<string>());
                ReleaseVersion? newest = null;
                foreach (var v in versions)
                {
                    if (ReleaseVersion.TryParse(v, out var parsed) && (newest is null || parsed.CompareTo(newest) > 0))
                    {
                        newest = parsed;
                    }
                }

                return SummaryBuilder.Build(route, entry.EventId, entry.Day!.Value, time.GetUtcNow().UtcDateTime, pairs, context.Resolved(), newest, options.SheetUrl);
        }
    }

    private async Task<Notification> NotificationAsync(AlertRoute route, AlertRow row, SendContext context)
    {
        var branch = context.Branches.GetValueOrDefault(row.BranchId);
        var snapshot = await context.Snapshot(row.BranchId).ConfigureAwait(false);
        var set = snapshot.Sets.GetValueOrDefault(row.SetId);
        return Notification.From(row, new NotificationContext
        {
            BranchName = branch?.Name ?? row.BranchId,
            SinceUtc = row.Event == AlertEvent.Resolved || set?.SinceUtc is not { } since ? row.AtUtc : since,
            TimeZone = branch?.Sets.FirstOrDefault(s => string.Equals(s.Id, row.SetId, StringComparison.OrdinalIgnoreCase))?.TimeZone ?? route.TimeZone,
            WhatToDo = AlertAdvice.For(row),
            SheetUrl = options.SheetUrl,
            Language = route.Language,
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert route {Route} cannot send: {Problem}")]
    private static partial void RouteBroken(ILogger logger, string route, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert route {Route} ({Kind}) was refused for good; retried every few minutes and when its settings change: {Problem}")]
    private static partial void RouteRefused(ILogger logger, string route, string kind, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert route {Route} failed to send, will retry: {Problem}")]
    private static partial void SendFailed(ILogger logger, string route, string problem);
}
