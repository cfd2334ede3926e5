using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Tests.Alerts;

public sealed class AlertPlannerTests
{
    private static readonly DateTime T0 = new(2026, 11, 30, 1, 0, 0, DateTimeKind.Utc);
    private readonly AlertPlanner _planner = new(new AlertHygiene());
    private Dictionary<string, AlertEpisode> _episodes = [];
    private SetStatus _status = SetStatus.Ok;

    private static StatusChange Change(SetStatus from, SetStatus to, DateTime at, string set = "sql", string branch = "F001") => new()
    {
        ChangeId = $"{at:yyyyMMddHHmmssfffffff}-{set}-x",
        BranchId = branch,
        SetId = set,
        Old = from,
        New = to,
        Reasons = to == SetStatus.Ok ? [] : [new FindingRecord("rule", to, $"motivo {to}", $"reason {to}")],
        AtUtc = at,
        Notify = !(from == SetStatus.Unknown && to is SetStatus.Ok or SetStatus.Unknown),
        PreviousLasted = null,
    };

    /// <summary>Plans one change to <paramref name="to"/> at <paramref name="at"/>, with the dispatcher's clock at the same moment.</summary>
    private IReadOnlyList<AlertRow> To(SetStatus to, DateTime at)
    {
        var rows = Plan([Change(_status, to, at)], at);
        _status = to;
        return rows;
    }

    private IReadOnlyList<AlertRow> Plan(IEnumerable<StatusChange> changes, DateTime now)
    {
        var plan = _planner.Plan(_episodes, changes, now);
        _episodes = new Dictionary<string, AlertEpisode>(plan.Episodes);
        return plan.Rows;
    }

    [Fact]
    public void A_failure_opens_an_alert_and_the_recovery_resolves_it_with_how_long_it_lasted()
    {
        var opened = Assert.Single(To(SetStatus.Failed, T0));
        var resolved = Assert.Single(To(SetStatus.Ok, T0.AddHours(20)));

        Assert.Equal(AlertEvent.Opened, opened.Event);
        Assert.Equal(SetStatus.Failed, opened.Status);
        Assert.Equal(SetStatus.Ok, opened.Previous);
        Assert.Equal("reason Failed", Assert.Single(opened.Reasons).En);
        Assert.Equal(AlertEvent.Resolved, resolved.Event);
        Assert.Equal(TimeSpan.FromHours(20), resolved.Duration);
        Assert.Equal("F001/sql/20261130-010000.1", opened.AlertId);
        Assert.Equal("F001/sql/20261130-010000.2", resolved.AlertId);
    }

    [Fact]
    public void A_first_ok_tells_nobody_anything()
    {
        _status = SetStatus.Unknown;

        Assert.Empty(To(SetStatus.Ok, T0));
    }

    [Fact]
    public void Getting_worse_is_one_escalation_row_and_getting_better_but_not_well_is_none()
    {
        To(SetStatus.Warning, T0);

        var escalated = Assert.Single(To(SetStatus.Failed, T0.AddHours(3)));
        Assert.Empty(To(SetStatus.Warning, T0.AddHours(6)));
        Assert.Empty(To(SetStatus.Failed, T0.AddHours(9)));

        Assert.Equal(AlertEvent.Escalated, escalated.Event);
        Assert.Equal(SetStatus.Warning, escalated.Previous);
        Assert.Equal(SetStatus.Failed, escalated.Status);
    }

    [Fact]
    public void A_set_flapping_twenty_times_within_an_hour_gives_one_alert_and_one_recovery()
    {
        var rows = new List<AlertRow>();
        for (var i = 0; i < 20; i++)
        {
            rows.AddRange(To(SetStatus.Failed, T0.AddMinutes(i * 3)));
            rows.AddRange(To(SetStatus.Ok, T0.AddMinutes((i * 3) + 1)));
        }

        rows.AddRange(Plan([], T0.AddHours(3)));

        Assert.Equal([AlertEvent.Opened, AlertEvent.Resolved], rows.Select(r => r.Event));
    }

    [Fact]
    public void Flapping_that_ends_failed_is_reopened_once_the_flap_window_has_passed()
    {
        var rows = new List<AlertRow>();
        rows.AddRange(To(SetStatus.Failed, T0));
        rows.AddRange(To(SetStatus.Ok, T0.AddMinutes(5)));
        rows.AddRange(To(SetStatus.Failed, T0.AddMinutes(10)));
        rows.AddRange(To(SetStatus.Ok, T0.AddMinutes(15)));
        rows.AddRange(To(SetStatus.Missed, T0.AddMinutes(20)));
        rows.AddRange(Plan([], T0.AddMinutes(50)));
        Assert.Equal([AlertEvent.Opened, AlertEvent.Resolved], rows.Select(r => r.Event));

        var reopened = Assert.Single(Plan([], T0.AddMinutes(66)));

        Assert.Equal(AlertEvent.Reopened, reopened.Event);
        Assert.Equal(SetStatus.Missed, reopened.Status);
        Assert.Equal(TimeSpan.FromMinutes(45), reopened.Duration);
        Assert.Equal(T0.AddMinutes(65), reopened.AtUtc);
        Assert.Empty(Plan([], T0.AddMinutes(70)));
    }

    [Fact]
    public void A_failure_long_after_the_last_recovery_opens_a_new_alert_at_once()
    {
        To(SetStatus.Failed, T0);
        To(SetStatus.Ok, T0.AddHours(1));

        var again = Assert.Single(To(SetStatus.Failed, T0.AddHours(3)));

        Assert.Equal(AlertEvent.Opened, again.Event);
        Assert.Equal("F001/sql/20261130-040000.1", again.AlertId);
    }

    [Fact]
    public void A_set_that_stays_failed_gets_one_reminder_a_day_not_one_per_sweep()
    {
        var rows = new List<AlertRow>(To(SetStatus.Missed, T0));
        for (var now = T0.AddMinutes(5); now <= T0.AddDays(3); now = now.AddMinutes(5))
        {
            rows.AddRange(Plan([], now));
        }

        Assert.Equal([AlertEvent.Opened, AlertEvent.Reminder, AlertEvent.Reminder, AlertEvent.Reminder], rows.Select(r => r.Event));
        Assert.Equal(TimeSpan.FromDays(2), rows[2].Duration);
        Assert.Equal(rows.Count, rows.Select(r => r.AlertId).Distinct().Count());
    }

    [Fact]
    public void The_same_changes_and_time_always_give_the_same_rows_and_ids()
    {
        StatusChange[] changes = [Change(SetStatus.Ok, SetStatus.Failed, T0, "a"), Change(SetStatus.Ok, SetStatus.Warning, T0.AddMinutes(1), "b"), Change(SetStatus.Failed, SetStatus.Ok, T0.AddHours(2), "a")];

        var first = _planner.Plan(new Dictionary<string, AlertEpisode>(), changes, T0.AddHours(3)).Rows;
        var second = _planner.Plan(new Dictionary<string, AlertEpisode>(), changes.Reverse(), T0.AddHours(3)).Rows;

        Assert.Equal(first.Select(r => r.AlertId), second.Select(r => r.AlertId));
        Assert.Equal(3, first.Select(r => r.AlertId).Distinct().Count());
    }

    [Fact]
    public void A_paused_set_ends_its_incident_without_announcing_a_recovery()
    {
        To(SetStatus.Failed, T0);

        Assert.Empty(To(SetStatus.Unknown, T0.AddHours(1)));
        Assert.Empty(Plan([], T0.AddDays(2)));
    }

    [Fact]
    public void A_manifest_committed_after_the_sweep_but_stamped_a_little_earlier_still_resolves_what_the_sweep_opened()
    {
        To(SetStatus.Ok, T0.AddDays(-1));
        var sweep = Change(SetStatus.Ok, SetStatus.Missed, T0);
        var manifest = Change(SetStatus.Missed, SetStatus.Ok, T0.AddSeconds(-10));

        var rows = Plan([manifest, sweep], T0.AddMinutes(1));

        Assert.Equal([AlertEvent.Opened, AlertEvent.Resolved], rows.Select(r => r.Event));
        Assert.Equal(TimeSpan.Zero, rows[1].Duration);
        Assert.Empty(Plan([], T0.AddDays(3)));
    }

    [Fact]
    public void A_held_failure_whose_window_ended_before_a_backlog_was_delivered_is_still_announced()
    {
        To(SetStatus.Failed, T0);
        To(SetStatus.Ok, T0.AddHours(1));

        var rows = Plan([Change(SetStatus.Ok, SetStatus.Failed, T0.AddHours(1.5)), Change(SetStatus.Failed, SetStatus.Ok, T0.AddHours(4))], T0.AddHours(5));

        Assert.Equal([AlertEvent.Reopened, AlertEvent.Resolved], rows.Select(r => r.Event));
        Assert.Equal(T0.AddHours(2), rows[0].AtUtc);
        Assert.Equal(TimeSpan.FromHours(2.5), rows[1].Duration);
    }

    [Fact]
    public void A_set_no_longer_watched_gets_no_more_reminders()
    {
        To(SetStatus.Failed, T0);

        var plan = _planner.Plan(_episodes, [], T0.AddDays(5), watched: (_, _) => false);

        Assert.Empty(plan.Rows);
        Assert.False(plan.Episodes.Values.Single().IsOpen);
    }
}
