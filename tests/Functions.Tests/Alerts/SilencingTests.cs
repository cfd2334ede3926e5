using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.Collector.Silencing;

namespace MonitoramentoBKP.Functions.Tests.Alerts;

/// <summary>Silences end to end within the collector: the admin service, the registry, the sweep, the sheet's planner and the channels.</summary>
public sealed class SilencingTests
{
    private static string Until(AlertRig rig, TimeSpan after) => (rig.Time.GetUtcNow() + after).ToOffset(TimeSpan.FromHours(-3)).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<AlertRow>> LogAsync(AlertRig rig)
    {
        var changes = rig.State.Changes.ToList();
        return new AlertPlanner(new AlertHygiene()).Plan(new Dictionary<string, AlertEpisode>(), changes, rig.Time.GetUtcNow().UtcDateTime).Rows;
    }

    [Fact]
    public async Task A_silenced_branch_is_judged_and_logged_but_sends_nothing_and_what_is_still_wrong_is_announced_once_when_it_ends()
    {
        var rig = new AlertRig();
        var silenced = await rig.SilenceService.SilenceAsync("S01", new SilenceRequest { Until = Until(rig, TimeSpan.FromHours(2)), Reason = "troca do servidor" }, default);
        Assert.Equal(200, silenced.StatusCode);

        await rig.JudgeAsync("S01", SetStatus.Failed);
        await rig.JudgeAsync("S02", SetStatus.Failed);
        await rig.DispatchAsync();

        // Judged and stored; S02 is not silenced and goes; S01 reaches no route.
        Assert.Equal(SetStatus.Failed, (await rig.State.ReadAsync("S01", default)).Sets["sql"].Status);
        Assert.Equal(["S02"], rig.Alerts("sul").Select(a => a.BranchId));
        Assert.Equal(["S02"], rig.Alerts("ops").Select(a => a.BranchId));

        // A day's reminder inside the silence goes nowhere either; the sweep at its end announces the failure once.
        rig.Time.Advance(TimeSpan.FromHours(2));
        await rig.Sweep.SweepAsync(default);
        await rig.DispatchAsync();
        await rig.Sweep.SweepAsync(default);
        await rig.DispatchAsync();

        var ended = Assert.Single(rig.Alerts("sul"), a => a.BranchId == "S01");
        Assert.Equal(AlertEvent.SilenceEnded, ended.Event);
        Assert.Equal(SetStatus.Failed, ended.Status);
        Assert.Single(rig.Alerts("ops"), a => a.BranchId == "S01");
        Assert.Contains(ended.Reasons, r => r.Pt.Contains("troca do servidor", StringComparison.Ordinal));

        // Its recovery threads under it.
        await rig.JudgeAsync("S01", SetStatus.Ok);
        await rig.DispatchAsync();
        var resolved = Assert.Single(rig.Alerts("sul"), a => a.BranchId == "S01" && a.Event == AlertEvent.Resolved);
        Assert.Equal(ended.IncidentId, resolved.IncidentId);

        // The log has the silence's start and end.
        var log = await LogAsync(rig);
        Assert.Contains(log, r => r.BranchId == "S01" && r.Event == AlertEvent.Silenced && r.Reasons.Single().Pt.StartsWith("SILENCIADA até ", StringComparison.Ordinal));
        Assert.Contains(log, r => r.BranchId == "S01" && r.Event == AlertEvent.SilenceEnded);
    }

    [Fact]
    public async Task A_set_that_recovered_inside_the_silence_is_not_announced_when_it_ends()
    {
        var rig = new AlertRig();
        await rig.SilenceService.SilenceAsync("S01", new SilenceRequest { Until = Until(rig, TimeSpan.FromHours(1)), Reason = "manutenção" }, default);
        await rig.JudgeAsync("S01", SetStatus.Failed);
        rig.Time.Advance(TimeSpan.FromMinutes(20));
        await rig.JudgeAsync("S01", SetStatus.Ok);
        await rig.DispatchAsync();
        rig.Time.Advance(TimeSpan.FromHours(1));
        await rig.Sweep.SweepAsync(default);
        await rig.DispatchAsync();

        // (The 08:00 summary goes, as every day.)
        Assert.Empty(rig.Alerts("sul"));
        Assert.Empty(rig.Alerts("ops"));
        Assert.Contains(await LogAsync(rig), r => r.BranchId == "S01" && r.Event == AlertEvent.SilenceEnded && r.Status == SetStatus.Ok);
    }

    [Fact]
    public async Task Ending_a_silence_early_announces_at_once_and_a_second_end_is_a_409()
    {
        var rig = new AlertRig();
        await rig.SilenceService.SilenceAsync("S01", new SilenceRequest { Until = Until(rig, TimeSpan.FromHours(8)), Reason = "manutenção" }, default);
        await rig.JudgeAsync("S01", SetStatus.Missed);
        await rig.DispatchAsync();
        Assert.Empty(rig.Messages("sul"));

        rig.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(200, (await rig.SilenceService.EndAsync("S01", default)).StatusCode);
        await rig.DispatchAsync();

        Assert.Equal([AlertEvent.SilenceEnded], rig.Alerts("sul").Select(a => a.Event));
        var again = await rig.SilenceService.EndAsync("S01", default);
        Assert.Equal(409, again.StatusCode);
        Assert.Contains("not-silenced", again.ProblemType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_sets_named_are_silenced()
    {
        var rig = new AlertRig();
        var outcome = await rig.SilenceService.SilenceAsync("S01", new SilenceRequest { Until = Until(rig, TimeSpan.FromHours(1)), Reason = "x", Sets = ["arquivos"] }, default);
        Assert.Equal(404, outcome.StatusCode);
        Assert.Contains("has no backup set 'arquivos' (it has: sql)", outcome.Detail, StringComparison.Ordinal);

        Assert.Equal(200, (await rig.SilenceService.SilenceAsync("S01", new SilenceRequest { Until = Until(rig, TimeSpan.FromHours(1)), Reason = "x", Sets = ["SQL"] }, default)).StatusCode);
        await rig.JudgeAsync("S01", SetStatus.Failed);
        await rig.DispatchAsync();
        Assert.Empty(rig.Messages("sul"));
    }

    [Theory]
    [InlineData(null, "motivo", "until: required")]
    [InlineData("2026-12-05 18:00", "motivo", "is not an instant with its offset")]
    [InlineData("2026-12-05T18:00:00", "motivo", "is not an instant with its offset")]
    [InlineData("2026-12-01T18:00:00-03:00", "motivo", "is not after now")]
    [InlineData("2027-06-01T18:00:00-03:00", "motivo", "at most 90 days")]
    [InlineData("2026-12-05T18:00:00-03:00", null, "reason:")]
    [InlineData("2026-12-05T18:00:00-03:00", "   ", "reason:")]
    [InlineData("2026-12-05T18:00:00-03:00", "a\u0007b", "reason:")]
    public async Task A_bad_silence_is_a_400_that_says_what_is_wrong_and_changes_nothing(string? until, string? reason, string says)
    {
        var rig = new AlertRig();
        var outcome = await rig.SilenceService.SilenceAsync("S01", new SilenceRequest { Until = until, Reason = reason }, default);

        Assert.Equal(400, outcome.StatusCode);
        Assert.Contains(says, outcome.Detail, StringComparison.Ordinal);
        Assert.Null((await rig.State.ReadAsync("S01", default)).Contact.Silence);
        Assert.Empty(rig.State.Changes);
    }

    [Fact]
    public async Task An_unknown_branch_is_a_404()
    {
        var rig = new AlertRig();
        Assert.Equal(404, (await rig.SilenceService.SilenceAsync("X99", new SilenceRequest { Until = Until(rig, TimeSpan.FromHours(1)), Reason = "x" }, default)).StatusCode);
        Assert.Equal(404, (await rig.SilenceService.EndAsync("X99", default)).StatusCode);
    }

    [Fact]
    public async Task The_registry_silences_from_its_first_moment_the_sweep_logs_it_and_its_end_announces_what_is_wrong()
    {
        var rig = new AlertRig();
        var from = rig.Time.GetUtcNow().AddHours(1);
        var report = await rig.Registry.PutBranchAsync("S01", $$"""
            { "id": "S01", "name": "Loja Sul 1", "template": "loja", "tags": ["sul"],
              "silence": { "from": "{{from:yyyy-MM-ddTHH:mm:ssZ}}", "until": "{{from.AddHours(2):yyyy-MM-ddTHH:mm:ssZ}}", "reason": "inventário" } }
            """, default);
        Assert.Empty(report.Problems);

        // Before it begins, a failure goes out.
        await rig.JudgeAsync("S01", SetStatus.Missed);
        await rig.DispatchAsync();
        Assert.Single(rig.Alerts("sul"));

        // Inside it, an escalation goes nowhere, before the sweep has logged anything.
        rig.Time.Advance(TimeSpan.FromHours(1));
        await rig.JudgeAsync("S01", SetStatus.Failed);
        await rig.DispatchAsync();
        Assert.Single(rig.Alerts("sul"));
        await rig.Sweep.SweepAsync(default);
        Assert.Equal(BranchSilence.FromRegistry, (await rig.State.ReadAsync("S01", default)).Contact.Silence?.Source);

        // Ops cannot end it with DELETE: the registry is where it lives.
        var refused = await rig.SilenceService.EndAsync("S01", default);
        Assert.Equal(409, refused.StatusCode);
        Assert.Contains("remove its 'silence' from the registry", refused.Detail, StringComparison.Ordinal);

        rig.Time.Advance(TimeSpan.FromHours(2));
        await rig.Sweep.SweepAsync(default);
        await rig.DispatchAsync();
        Assert.Equal([AlertEvent.Opened, AlertEvent.SilenceEnded], rig.Alerts("sul").Select(a => a.Event));
        Assert.Equal(SetStatus.Failed, rig.Alerts("sul")[1].Status);
        Assert.Equal(rig.Alerts("sul")[0].IncidentId, rig.Alerts("sul")[1].IncidentId);
    }

    [Fact]
    public async Task The_sheet_shows_the_silence_before_the_reasons_in_the_sets_time_zone()
    {
        var rig = new AlertRig();
        await rig.SilenceService.SilenceAsync("S01", new SilenceRequest { Until = "2026-12-05T18:00:00-03:00", Reason = "troca do servidor" }, default);
        await rig.JudgeAsync("S01", SetStatus.Failed);
        var branches = new List<(Collector.Registry.BranchPolicy, Collector.State.BranchSnapshot)>();
        foreach (var id in new[] { "S01", "S02" })
        {
            branches.Add(((await rig.Registry.FindAsync(id, default))!, await rig.State.ReadAsync(id, default)));
        }

        var now = rig.Time.GetUtcNow().UtcDateTime;
        var pt = new SheetBuilder(SheetLanguage.Portuguese).Status(branches, now);
        var reason = pt.Rows.Single(r => r[0].Text == "S01")[5].Text;
        Assert.Equal("SILENCIADA até 05/12 18:00 — troca do servidor • motivo", reason);
        Assert.Equal("FALHOU", pt.Rows.Single(r => r[0].Text == "S01")[3].Text);
        Assert.DoesNotContain("SILENC", pt.Rows.Single(r => r[0].Text == "S02")[5].Text ?? "", StringComparison.Ordinal);
        var en = new SheetBuilder(SheetLanguage.English).Status(branches, now);
        Assert.StartsWith("SILENCED until 05/12 18:00 — troca do servidor", en.Rows.Single(r => r[0].Text == "S01")[5].Text, StringComparison.Ordinal);

        // After it ends the line goes.
        var later = new SheetBuilder(SheetLanguage.Portuguese).Status(branches, new DateTime(2026, 12, 5, 21, 0, 0, DateTimeKind.Utc));
        Assert.Equal("motivo", later.Rows.Single(r => r[0].Text == "S01")[5].Text);
    }
}
