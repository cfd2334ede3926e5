using Microsoft.AspNetCore.Mvc;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Reading;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Functions.Triggers;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;
using MonitoramentoBKP.Functions.Tests.Support;

namespace MonitoramentoBKP.Functions.Tests;

public sealed class TriggerTests
{
    private static readonly DateTime Night = Local(2026, 11, 30, 23);
    private readonly TestCollector _collector = new(new DateTimeOffset(Night.AddMinutes(2), TimeSpan.Zero));

    private async Task ImportSampleAsync() =>
        Assert.IsType<OkObjectResult>(await new ImportRegistry(_collector.Registry).Run(TestCollector.Request("POST", TestCollector.SampleRegistry), default));

    /// <summary>A week of nightly dumps per set, the newest from tonight: what the sample template expects.</summary>
    private static MonitoramentoBKP.Contracts.Manifest GoodRun(string branch, DateTime at) => Manifest(at,
        Set([.. Enumerable.Range(0, 7).Select(d => File($"Vendas_{at.AddDays(-d):MMdd}.bak", 300_000_000, at.AddDays(-d).AddMinutes(-55)))]) with { Id = "sql-vendas" },
        Set([.. Enumerable.Range(0, 7).Select(d => File($"Estoque_{at.AddDays(-d):MMdd}.zip", 50_000_000, at.AddDays(-d).AddMinutes(-50)))]) with { Id = "sql-estoque" }) with { BranchId = branch };

    private static byte[] Body(MonitoramentoBKP.Contracts.Manifest m) => Manifests.Gzip(Manifests.Json(m));

    [Fact]
    public async Task Importing_the_sample_registry_twice_reports_every_branch_added_then_unchanged()
    {
        var first = (OkObjectResult)await new ImportRegistry(_collector.Registry).Run(TestCollector.Request("POST", TestCollector.SampleRegistry), default);
        var writes = _collector.RegistryStore.Writes;
        var second = (OkObjectResult)await new ImportRegistry(_collector.Registry).Run(TestCollector.Request("POST", TestCollector.SampleRegistry), default);

        Assert.Contains("\"Added\":[\"F001\"", System.Text.Json.JsonSerializer.Serialize(first.Value), StringComparison.Ordinal);
        Assert.Contains("\"Added\":[]", System.Text.Json.JsonSerializer.Serialize(second.Value), StringComparison.Ordinal);
        Assert.Equal(writes, _collector.RegistryStore.Writes);
    }

    [Fact]
    public async Task A_bad_registry_is_a_problem_listing_every_path_and_applies_nothing()
    {
        var result = (ObjectResult)await new ImportRegistry(_collector.Registry).Run(TestCollector.Request("POST", """{ "templates": { "t": { "sets": [ { "id": "a", "root": "x", "schedule": "bad" } ] } }, "branches": [ { "id": "F1", "template": "nope" } ] }"""), default);

        Assert.Equal(400, result.StatusCode);
        Assert.Contains("application/problem+json", result.ContentTypes);
        var problem = Assert.IsType<ProblemDetails>(result.Value);
        Assert.Contains("templates.t.sets[0].schedule", System.Text.Json.JsonSerializer.Serialize(problem.Extensions["problems"]), StringComparison.Ordinal);
        Assert.Equal(0, _collector.RegistryStore.Writes);
    }

    [Fact]
    public async Task A_manifest_is_accepted_with_202_and_a_repeat_with_200()
    {
        await ImportSampleAsync();
        var body = Body(GoodRun("F003", Night));
        var receive = _collector.Receive();

        var first = (ObjectResult)await receive.Run(_collector.ManifestRequest("F003", body), default);
        var repeat = (ObjectResult)await receive.Run(_collector.ManifestRequest("F003", body), default);

        Assert.Equal(202, first.StatusCode);
        Assert.Equal(200, repeat.StatusCode);
        Assert.Contains("\"alreadyAccepted\":true", System.Text.Json.JsonSerializer.Serialize(repeat.Value), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_manifest_is_a_problem_details_body_saying_why()
    {
        await ImportSampleAsync();

        var unknown = (ObjectResult)await _collector.Receive().Run(_collector.ManifestRequest("X999", Body(GoodRun("X999", Night))), default);
        var retired = (ObjectResult)await _collector.Receive().Run(_collector.ManifestRequest("F021", Body(GoodRun("F021", Night))), default);

        Assert.Equal(404, unknown.StatusCode);
        Assert.Contains("X999", Assert.IsType<ProblemDetails>(unknown.Value).Detail, StringComparison.Ordinal);
        Assert.Equal(410, retired.StatusCode);
        Assert.Contains("application/problem+json", retired.ContentTypes);
    }

    [Fact]
    public async Task Status_and_branch_views_show_states_and_the_30_day_grid_with_closed_days()
    {
        await ImportSampleAsync();
        await _collector.Receive().Run(_collector.ManifestRequest("F005", Body(GoodRun("F005", Night))), default);

        var report = (StatusReport)((OkObjectResult)await new GetStatus(_collector.Status, _collector.Sheet, _collector.Alerts).Run(TestCollector.Request("GET", ""), default)).Value!;
        var all = report.Branches;
        var santana = (BranchStatusView)((OkObjectResult)await new GetBranch(_collector.Status).Run(TestCollector.Request("GET", ""), "F005", default)).Value!;
        var missing = (ObjectResult)await new GetBranch(_collector.Status).Run(TestCollector.Request("GET", ""), "X1", default);

        Assert.Equal(23, all.Count);
        Assert.Equal(SetStatus.Ok, all.Single(b => b.BranchId == "F005").Sets.Single(s => s.SetId == "sql-vendas").Status);
        Assert.Equal(SetStatus.Unknown, all.Single(b => b.BranchId == "F004").Sets[0].Status);
        var grid = santana.Sets[0].Days!;
        Assert.Equal(30, grid.Count);
        Assert.Equal("Ok", grid[^1].Verdict);
        Assert.Equal("Closed", grid.Single(d => d.Day == new DateOnly(2026, 11, 29)).Verdict);
        Assert.Equal(404, missing.StatusCode);
    }

    [Fact]
    public async Task The_sweep_marks_a_set_missed_once_its_slot_and_grace_pass()
    {
        await ImportSampleAsync();
        await _collector.Receive().Run(_collector.ManifestRequest("F003", Body(GoodRun("F003", Night))), default);
        var sweep = new SweepOverdueBranches(_collector.Sweep, _collector.Identity, _collector.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<SweepOverdueBranches>.Instance);

        _collector.Time.Advance(TimeSpan.FromHours(20));
        await sweep.Run(null!, default);
        var beforeDue = (await _collector.Status.OneAsync("F003", default))!;
        _collector.Time.Advance(TimeSpan.FromHours(5));
        await sweep.Run(null!, default);
        await sweep.Run(null!, default);
        var afterDue = (await _collector.Status.OneAsync("F003", default))!;

        Assert.Equal(SetStatus.Ok, beforeDue.Sets[0].Status);
        Assert.Equal(SetStatus.Missed, afterDue.Sets[0].Status);
        Assert.Single(_collector.State.Changes, c => c.BranchId == "F003" && c.SetId == "sql-vendas" && c.New == SetStatus.Missed);
    }

    [Fact]
    public async Task A_branch_silent_beyond_its_longest_gap_becomes_silent()
    {
        await ImportSampleAsync();
        await _collector.Receive().Run(_collector.ManifestRequest("F003", Body(GoodRun("F003", Night))), default);

        _collector.Time.Advance(TimeSpan.FromDays(3));
        await _collector.Sweep.SweepAsync(default);
        var view = (await _collector.Status.OneAsync("F003", default))!;

        Assert.True(view.Silent);
        Assert.All(view.Sets, s => Assert.Equal(SetStatus.Silent, s.Status));
        Assert.Contains("não se comunica", view.Sets[0].Reasons[0].Pt, StringComparison.Ordinal);
    }

    [Fact]
    public void Health_answers_ok()
    {
        Assert.IsType<OkObjectResult>(new Health().Run(TestCollector.Request("GET", "")));
    }
}
