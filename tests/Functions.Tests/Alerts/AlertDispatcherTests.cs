using System.Collections.Concurrent;
using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Channels.Sending;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Notify;
using MonitoramentoBKP.Functions.Tests.Support;

namespace MonitoramentoBKP.Functions.Tests.Alerts;

public sealed class AlertDispatcherTests
{
    [Fact]
    public async Task A_failure_reaches_its_regions_route_and_ops_and_nothing_else()
    {
        var rig = new AlertRig();
        await rig.ChangeAsync("S01", SetStatus.Ok, SetStatus.Failed);

        var result = await rig.DispatchAsync();

        var sul = Assert.Single(rig.Alerts("sul"));
        Assert.Equal(AlertEvent.Opened, sul.Event);
        Assert.Equal(SetStatus.Failed, sul.Status);
        Assert.Equal("Loja Sul 1", sul.BranchName);
        Assert.NotNull(sul.WhatToDo);
        Assert.Equal(new Uri("https://docs.google.com/spreadsheets/d/test"), sul.SheetUrl);
        Assert.Equal(sul.EventId, Assert.Single(rig.Alerts("ops")).EventId);
        Assert.Empty(rig.Messages("norte"));
        Assert.Equal(2, result.Sent);
    }

    [Fact]
    public async Task A_route_hears_only_what_reaches_its_minimum_severity_and_events()
    {
        var rig = new AlertRig();
        await rig.ChangeAsync("S01", SetStatus.Ok, SetStatus.Warning);
        await rig.ChangeAsync("N01", SetStatus.Ok, SetStatus.Warning);
        await rig.DispatchAsync();
        await rig.ChangeAsync("N01", SetStatus.Warning, SetStatus.Failed);
        await rig.DispatchAsync();

        Assert.Empty(rig.Messages("sul"));
        Assert.Equal([AlertEvent.Opened], rig.Alerts("norte").Select(a => a.Event));
        Assert.Equal([AlertEvent.Opened, AlertEvent.Opened, AlertEvent.Escalated], rig.Alerts("ops").Select(a => a.Event));
    }

    [Fact]
    public async Task Whoever_heard_of_a_failure_hears_it_ended_in_the_same_incident()
    {
        var rig = new AlertRig();
        await rig.ChangeAsync("S01", SetStatus.Ok, SetStatus.Failed);
        await rig.DispatchAsync();
        rig.Time.Advance(TimeSpan.FromMinutes(30));
        await rig.ChangeAsync("S01", SetStatus.Failed, SetStatus.Warning);
        rig.Time.Advance(TimeSpan.FromMinutes(30));
        await rig.ChangeAsync("S01", SetStatus.Warning, SetStatus.Ok);
        await rig.DispatchAsync();

        var alerts = rig.Alerts("sul");
        Assert.Equal([AlertEvent.Opened, AlertEvent.Resolved], alerts.Select(a => a.Event));
        Assert.Equal(alerts[0].IncidentId, alerts[1].IncidentId);
        Assert.Equal(alerts[0].FirstEventId, alerts[1].FirstEventId);
        Assert.Empty(rig.Ledger.Route("sul").Told);
    }

    [Fact]
    public async Task Quiet_hours_hold_what_does_not_wake_anyone_until_they_end()
    {
        // 23:00 in São Paulo.
        var rig = new AlertRig(now: new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero));
        await rig.ChangeAsync("S01", SetStatus.Ok, SetStatus.Missed);
        await rig.ChangeAsync("S02", SetStatus.Ok, SetStatus.Failed);

        var night = await rig.DispatchAsync();

        Assert.Equal(["S02"], rig.Alerts("sul").Select(a => a.BranchId));
        Assert.Equal(2, rig.Alerts("ops").Count);
        Assert.Equal(new DateTime(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc), night.NextDueUtc);

        rig.Time.Advance(TimeSpan.FromHours(7) + TimeSpan.FromMinutes(59));
        await rig.DispatchAsync();
        Assert.Equal(["S02"], rig.Alerts("sul").Select(a => a.BranchId));

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.DispatchAsync();
        Assert.Equal(["S02", "S01"], rig.Alerts("sul").Select(a => a.BranchId));
        Assert.Equal(SetStatus.Missed, rig.Alerts("sul")[1].Status);
    }

    [Fact]
    public async Task The_recovery_of_an_alert_that_woke_someone_goes_through_the_quiet_hours_too()
    {
        var rig = new AlertRig(now: new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero));
        await rig.ChangeAsync("S01", SetStatus.Ok, SetStatus.Failed);
        await rig.ChangeAsync("S02", SetStatus.Ok, SetStatus.Missed);
        await rig.DispatchAsync();
        rig.Time.Advance(TimeSpan.FromMinutes(10));
        await rig.ChangeAsync("S01", SetStatus.Failed, SetStatus.Ok);
        await rig.ChangeAsync("S02", SetStatus.Missed, SetStatus.Ok);
        await rig.DispatchAsync();

        Assert.Equal([("S01", AlertEvent.Opened), ("S01", AlertEvent.Resolved)], rig.Alerts("sul").Select(a => (a.BranchId, a.Event)));
    }

    [Fact]
    public async Task A_storm_is_one_digest_per_route_covering_every_alert()
    {
        var rig = new AlertRig(sulCount: 15);
        for (var i = 1; i <= 15; i++)
        {
            await rig.ChangeAsync($"S{i:D2}", SetStatus.Ok, i <= 5 ? SetStatus.Missed : SetStatus.Failed);
        }

        // The wave is held for it to settle, then goes as one digest.
        var first = await rig.DispatchAsync();
        Assert.Empty(rig.Messages("sul"));
        Assert.Equal(rig.Time.GetUtcNow().UtcDateTime + rig.Options.StormSettle, first.NextDueUtc);
        rig.Time.Advance(rig.Options.StormSettle);
        var result = await rig.DispatchAsync();

        var digest = Assert.IsType<StormDigest>(Assert.Single(rig.Messages("sul")));
        Assert.Equal(15, digest.Notifications.Count);
        Assert.Equal([(SetStatus.Failed, 10), (SetStatus.Missed, 5)], digest.CountsByStatus);
        Assert.Equal("Regional Sul", digest.Route);
        Assert.IsType<StormDigest>(Assert.Single(rig.Messages("ops")));
        var entries = rig.Ledger.Route("sul").Entries;
        Assert.Equal(15, entries.Count(e => e.Kind == RouteEntryKind.Alert && e.State == RouteEntryState.Covered && e.CoveredBy == digest.EventId));
        Assert.Single(entries, e => e.Kind == RouteEntryKind.Digest && e.State == RouteEntryState.Sent);
        Assert.Equal(2, result.Digests);
        Assert.Equal(1, rig.Ledger.Route("sul").DigestsTotal);
    }

    [Fact]
    public async Task Ten_alerts_are_no_storm_but_eleven_are()
    {
        var rig = new AlertRig(sulCount: 11);
        for (var i = 1; i <= 10; i++)
        {
            await rig.ChangeAsync($"S{i:D2}", SetStatus.Ok, SetStatus.Failed);
        }

        await rig.DispatchAsync();
        Assert.Equal(10, rig.Alerts("sul").Count);

        for (var i = 1; i <= 11; i++)
        {
            await rig.ChangeAsync($"S{i:D2}", i <= 10 ? SetStatus.Failed : SetStatus.Ok, i <= 10 ? SetStatus.Ok : SetStatus.Failed);
        }

        await rig.DispatchAsync();
        rig.Time.Advance(rig.Options.StormSettle);
        await rig.DispatchAsync();
        Assert.IsType<StormDigest>(rig.Messages("sul")[^1]);
        Assert.Equal(11, rig.Messages("sul").Count);
    }

    [Fact]
    public async Task A_wave_that_keeps_coming_over_several_dispatches_is_still_one_digest()
    {
        var rig = new AlertRig(sulCount: 43);
        var n = 0;
        foreach (var size in new[] { 10, 11, 11, 11 })
        {
            for (var i = 0; i < size; i++)
            {
                n++;
                await rig.ChangeAsync($"S{n:D2}", SetStatus.Ok, SetStatus.Failed);
            }

            // The first ten are no storm yet; from the next eleven on, the wave is gathered while it grows.
            await rig.DispatchAsync();
            rig.Time.Advance(TimeSpan.FromSeconds(6));
        }

        Assert.Equal(10, rig.Alerts("sul").Count);
        rig.Time.Advance(rig.Options.StormSettle);
        await rig.DispatchAsync();

        var digest = Assert.IsType<StormDigest>(rig.Messages("sul")[^1]);
        Assert.Equal(33, digest.Notifications.Count);
        Assert.Equal(11, rig.Messages("sul").Count);
        Assert.Null(rig.Ledger.Route("sul").StormSinceUtc);
    }

    [Fact]
    public async Task A_wave_that_never_settles_goes_when_the_storm_has_waited_its_longest()
    {
        var rig = new AlertRig(sulCount: 300);
        var n = 0;
        var started = rig.Time.GetUtcNow();
        while (rig.Messages("sul").Count == 0 && n < 300)
        {
            for (var i = 0; i < 11 && n < 300; i++)
            {
                n++;
                await rig.ChangeAsync($"S{n:D2}", SetStatus.Ok, SetStatus.Failed);
            }

            await rig.DispatchAsync();
            rig.Time.Advance(TimeSpan.FromSeconds(5));
        }

        var digest = Assert.IsType<StormDigest>(Assert.Single(rig.Messages("sul")));
        Assert.True(rig.Time.GetUtcNow() - started <= rig.Options.StormMaxWait + TimeSpan.FromSeconds(5), $"the digest went after {rig.Time.GetUtcNow() - started}");
        Assert.True(digest.Notifications.Count > 200, $"{digest.Notifications.Count} alerts in the digest");
        Assert.True(n < 300, "the wave ran out before the longest wait");
    }

    [Fact]
    public async Task Without_a_settle_time_a_storm_goes_at_once()
    {
        var rig = new AlertRig(sulCount: 12);
        rig.Options = rig.Options with { StormSettle = TimeSpan.Zero };
        for (var i = 1; i <= 12; i++)
        {
            await rig.ChangeAsync($"S{i:D2}", SetStatus.Ok, SetStatus.Failed);
        }

        await rig.DispatchAsync();
        Assert.Equal(12, Assert.IsType<StormDigest>(Assert.Single(rig.Messages("sul"))).Notifications.Count);
    }

    [Fact]
    public async Task Two_dispatchers_racing_send_every_alert_once()
    {
        var rig = new AlertRig(sulCount: 8);
        foreach (var id in new[] { "sul", "norte", "ops" })
        {
            rig.Channels.Of(id).Delay = TimeSpan.FromMilliseconds(5);
        }

        var a = rig.Dispatcher();
        var b = rig.Dispatcher();
        var busy = 0;
        for (var round = 0; round < 6; round++)
        {
            for (var i = 1; i <= 8; i++)
            {
                await rig.ChangeAsync($"S{i:D2}", round % 2 == 0 ? SetStatus.Ok : SetStatus.Failed, round % 2 == 0 ? SetStatus.Failed : SetStatus.Ok);
            }

            var results = await Task.WhenAll(Task.Run(() => a.DispatchAsync(default)), Task.Run(() => b.DispatchAsync(default)));
            busy += results.Count(r => r.WasBusy);
            await a.DispatchAsync(default);
            rig.Time.Advance(TimeSpan.FromHours(2));
        }

        var sul = rig.Alerts("sul");
        Assert.Equal(48, sul.Count);
        Assert.Equal(sul.Count, sul.Select(n => n.EventId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(48, rig.Alerts("ops").Count);
        Assert.Equal(0, rig.Ledger.Route("sul").UncertainResends);
        Assert.True(busy >= 1, "the two dispatchers never overlapped");
    }

    [Fact]
    public async Task An_uncertain_send_is_resent_with_the_same_event_id_and_counted_where_the_service_has_no_idempotency()
    {
        var rig = new AlertRig();
        rig.Channels.Of("ops").Script.Enqueue(new SendOutcome.Transient(Uncertain: true, "Google Chat gave no answer"));
        rig.Channels.Of("sul", idempotent: true).Script.Enqueue(new SendOutcome.Transient(Uncertain: true, "SMTP stopped answering"));
        rig.Options = rig.Options with { RetryBase = TimeSpan.FromSeconds(5) };
        await rig.ChangeAsync("S01", SetStatus.Ok, SetStatus.Failed);

        var first = await rig.DispatchAsync();
        Assert.Equal(2, first.Failures);
        Assert.Equal(rig.Time.GetUtcNow().UtcDateTime.AddSeconds(5), first.NextDueUtc);
        rig.Time.Advance(TimeSpan.FromSeconds(5));
        await rig.DispatchAsync();

        var ops = rig.Messages("ops");
        Assert.Equal(2, ops.Count);
        Assert.Equal(ops[0].EventId, ops[1].EventId);
        Assert.Equal(1, rig.Ledger.Route("ops").UncertainResends);
        Assert.Equal(0, rig.Ledger.Route("sul").UncertainResends);
        Assert.Equal(2, rig.Messages("sul").Count);
        Assert.Null(rig.Ledger.Route("ops").Problem);
    }

    [Fact]
    public async Task A_crash_after_a_send_was_planned_resends_it_once_with_its_event_id()
    {
        var rig = new AlertRig();
        await rig.ChangeAsync("N01", SetStatus.Ok, SetStatus.Failed);
        var crashing = new InMemoryNotifyLedger();

        // Saves before the send: routes synced, the scan, planned rows, queued, in flight cleared, summaries, each route's due entries and "sending"...
        for (var crashAt = 1; crashAt < 40; crashAt++)
        {
            crashing.CrashOnSave = crashAt;
            try
            {
                await rig.Dispatcher(crashing).DispatchAsync(default);
            }
            catch (InvalidOperationException)
            {
            }
        }

        crashing.CrashOnSave = null;
        await rig.Dispatcher(crashing).DispatchAsync(default);
        var norte = rig.Messages("norte");
        Assert.NotEmpty(norte);
        Assert.All(norte, m => Assert.Equal(norte[0].EventId, m.EventId));
        Assert.Equal(norte.Count - 1, crashing.Route("norte").UncertainResends);
        Assert.All(crashing.Saved.Routes.Values.SelectMany(r => r.Entries), e => Assert.False(e.IsOpen));
    }

    [Fact]
    public async Task A_permanent_refusal_shows_in_status_and_delivery_resumes_when_the_settings_change()
    {
        var rig = new AlertRig();
        rig.Channels.Of("ops").Script.Enqueue(new SendOutcome.Permanent(404, "Google Chat answered 404: NOT_FOUND (check the space's webhook URL)"));
        await rig.ChangeAsync("S01", SetStatus.Ok, SetStatus.Failed);
        var dispatcher = rig.Dispatcher();
        await dispatcher.DispatchAsync(default);

        var status = (await dispatcher.StatusAsync(default)).Single(r => r.RouteId == "ops");
        Assert.True(status.Permanent);
        Assert.Equal(404, status.StatusCode);
        Assert.Contains("NOT_FOUND", status.LastError, StringComparison.Ordinal);
        Assert.Equal(1, status.Pending);
        Assert.Equal("googleChat", status.Kind);
        Assert.Equal(rig.Time.GetUtcNow().UtcDateTime, status.SinceUtc);
        Assert.Single(rig.Alerts("sul"));

        rig.Time.Advance(TimeSpan.FromMinutes(5));
        await dispatcher.DispatchAsync(default);
        Assert.Single(rig.Channels.Of("ops").Attempts);

        rig.Channels.Fingerprint["ops"] = "v2";
        await dispatcher.DispatchAsync(default);
        Assert.Single(rig.Alerts("ops"));
        status = (await dispatcher.StatusAsync(default)).Single(r => r.RouteId == "ops");
        Assert.False(status.Permanent);
        Assert.Null(status.LastError);
        Assert.Equal(0, status.Pending);
    }

    [Fact]
    public async Task A_permanent_refusal_is_retried_every_fifteen_minutes_and_after_a_restart()
    {
        var rig = new AlertRig();
        var ops = rig.Channels.Of("ops");
        ops.Script.Enqueue(new SendOutcome.Permanent(403, "forbidden"));
        ops.Script.Enqueue(new SendOutcome.Permanent(403, "forbidden"));
        ops.Script.Enqueue(new SendOutcome.Permanent(403, "forbidden"));
        await rig.ChangeAsync("S01", SetStatus.Ok, SetStatus.Failed);
        var dispatcher = rig.Dispatcher();
        await dispatcher.DispatchAsync(default);
        rig.Time.Advance(TimeSpan.FromMinutes(14));
        await dispatcher.DispatchAsync(default);
        Assert.Single(ops.Attempts);

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await dispatcher.DispatchAsync(default);
        Assert.Equal(2, ops.Attempts.Count);

        await rig.Dispatcher().DispatchAsync(default);
        Assert.Equal(3, ops.Attempts.Count);
        await rig.Dispatcher().DispatchAsync(default);
        Assert.Single(rig.Alerts("ops"));
    }

    [Fact]
    public async Task Missing_settings_are_a_permanent_problem_of_the_route_alone()
    {
        var rig = new AlertRig();
        rig.Channels.Broken["sul"] = "route sul: no settings Alerts__Routes__sul__* (e-mail needs Host, From, To)";
        await rig.ChangeAsync("S01", SetStatus.Ok, SetStatus.Failed);
        var dispatcher = rig.Dispatcher();
        await dispatcher.DispatchAsync(default);

        Assert.Single(rig.Alerts("ops"));
        var sul = (await dispatcher.StatusAsync(default)).Single(r => r.RouteId == "sul");
        Assert.True(sul.Permanent);
        Assert.Contains("Alerts__Routes__sul__", sul.LastError, StringComparison.Ordinal);
        Assert.Equal(1, sul.Pending);

        rig.Channels.Broken.Remove("sul");
        rig.Channels.Fingerprint["sul"] = "fixed";
        await dispatcher.DispatchAsync(default);
        Assert.Single(rig.Alerts("sul"));
    }

    [Fact]
    public async Task The_daily_summary_goes_once_at_its_time_across_a_restart()
    {
        var rig = new AlertRig(now: new DateTimeOffset(2026, 12, 2, 10, 59, 0, TimeSpan.Zero));
        await rig.ChangeAsync("S01", SetStatus.Ok, SetStatus.Failed);
        await rig.DispatchAsync();
        Assert.Empty(rig.Messages("ops").OfType<DailySummary>());

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        var result = await rig.DispatchAsync();
        rig.Time.Advance(TimeSpan.FromMinutes(1));
        await rig.DispatchAsync();
        await rig.Dispatcher().DispatchAsync(default);

        Assert.Equal(3, result.Summaries);
        var summary = Assert.Single(rig.Messages("ops").OfType<DailySummary>());
        Assert.Equal(new DateOnly(2026, 12, 2), summary.Day);
        Assert.Equal("summary/ops/2026-12-02", summary.EventId);
        Assert.Equal("Operações", summary.Route);
        Assert.Single(rig.Messages("sul").OfType<DailySummary>());
        Assert.Single(rig.Messages("norte").OfType<DailySummary>());

        rig.Time.Advance(TimeSpan.FromDays(1));
        await rig.DispatchAsync();
        Assert.Equal(2, rig.Messages("ops").OfType<DailySummary>().Count());
    }

    [Fact]
    public async Task Two_instances_with_their_own_ledgers_send_one_summary_by_claiming_the_day()
    {
        var rig = new AlertRig(now: new DateTimeOffset(2026, 12, 2, 11, 0, 0, TimeSpan.Zero));
        var claims = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        await Task.WhenAll(
            Task.Run(() => rig.Dispatcher(new InMemoryNotifyLedger(claims)).DispatchAsync(default)),
            Task.Run(() => rig.Dispatcher(new InMemoryNotifyLedger(claims)).DispatchAsync(default)));

        Assert.Single(rig.Messages("ops").OfType<DailySummary>());
        Assert.Equal(3, claims.Count);
    }
}
