using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using MonitoramentoBKP.Collector.Admin;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Functions.Tests.Support;
using MonitoramentoBKP.Functions.Triggers;

namespace MonitoramentoBKP.Functions.Tests;

public sealed class RegistryTriggerTests
{
    private readonly TestCollector _collector = new(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));

    private async Task<IActionResult> ImportAsync(string json) =>
        await new ImportRegistry(_collector.Registry).Run(TestCollector.Request("POST", json), default);

    private async Task<IActionResult> PutAsync(string id, string json, RegistryService? registry = null) =>
        await new PutBranch(registry ?? _collector.Registry).Run(TestCollector.Request("PUT", json), id, default);

    private static List<(string Path, string Message)> ProblemsOf(IActionResult result)
    {
        var problem = Assert.IsType<ProblemDetails>(((ObjectResult)result).Value);
        return [.. JsonSerializer.SerializeToNode(problem.Extensions["problems"])!.AsArray().Select(p => (p!["Path"]!.GetValue<string>(), p["Message"]!.GetValue<string>()))];
    }

    [Fact]
    public async Task An_import_with_a_branch_too_large_for_storage_is_a_400_naming_its_path_and_keeps_no_earlier_rename()
    {
        Assert.IsType<OkObjectResult>(await ImportAsync(TestCollector.SampleRegistry));
        var before = _collector.RegistryStore.Writes;
        var root = JsonNode.Parse(TestCollector.SampleRegistry)!.AsObject();
        root["branches"]![0]!["name"] = "Renomeada";
        root["branches"]![3]!["name"] = new string('x', IRegistryStore.MaxDocumentChars);
        var registry = root.ToJsonString();

        var result = await ImportAsync(registry);

        Assert.Equal(400, ((ObjectResult)result).StatusCode);
        var (path, message) = Assert.Single(ProblemsOf(result));
        Assert.Equal("branches[3]", path);
        Assert.Contains($"{IRegistryStore.MaxDocumentChars:N0}", message, StringComparison.Ordinal);
        Assert.Equal(before, _collector.RegistryStore.Writes);
        Assert.Equal("F001", (await _collector.Registry.FindAsync("F001", default))!.Id);
        Assert.NotEqual("Renomeada", (await _collector.Registry.FindAsync("F001", default))!.Name);

    }

    [Fact]
    public async Task A_put_that_keeps_losing_the_race_is_a_503_with_retry_after_and_applies_nothing()
    {
        Assert.IsType<OkObjectResult>(await ImportAsync(TestCollector.SampleRegistry));
        var registry = new RegistryService(_collector.RegistryStore, new NoWaiting());
        _collector.RegistryStore.AlwaysBeaten = true;
        var attemptsBefore = _collector.RegistryStore.SwitchAttempts;

        var result = await PutAsync("F001", """{ "name": "Renomeada", "template": "loja-sql" }""", registry);
        _collector.RegistryStore.AlwaysBeaten = false;

        var busy = Assert.IsType<ProblemResult>(result);
        Assert.Equal(503, busy.StatusCode);
        Assert.Equal(5, busy.RetryAfterSeconds);
        Assert.Equal("https://monitoramentobkp.example/problems/registry-busy", Assert.IsType<ProblemDetails>(busy.Value).Type);
        Assert.Equal(RegistryService.MaxAttempts, _collector.RegistryStore.SwitchAttempts - attemptsBefore);
        Assert.NotEqual("Renomeada", (await _collector.Registry.FindAsync("F001", default))!.Name);
    }

    [Fact]
    public async Task A_put_with_a_bad_value_is_refused_at_its_path_in_the_body()
    {
        Assert.IsType<OkObjectResult>(await ImportAsync(TestCollector.SampleRegistry));

        var grace = await PutAsync("F001", """{ "template": "loja-sql", "sets": { "sql-vendas": { "grace": "99999999d" } } }""");
        var other = await PutAsync("F001", """{ "id": "F002", "template": "loja-sql" }""");
        var notObject = await PutAsync("F001", "[1]");

        Assert.Contains(("sets.sql-vendas.grace", "'99999999d' is too long (at most 3650 days)"), ProblemsOf(grace));
        Assert.Equal("id", Assert.Single(ProblemsOf(other)).Path);
        Assert.Equal("$", Assert.Single(ProblemsOf(notObject)).Path);
    }

    [Fact]
    public async Task A_put_adds_or_replaces_one_branch_and_reports_only_it()
    {
        Assert.IsType<OkObjectResult>(await ImportAsync(TestCollector.SampleRegistry));

        var added = (OkObjectResult)await PutAsync("F100", """{ "name": "Nova", "template": "loja-sql" }""");
        var again = (OkObjectResult)await PutAsync("f100", """{ "name": "Nova", "template": "loja-sql" }""");

        Assert.Contains("\"Added\":[\"F100\"]", JsonSerializer.Serialize(added.Value), StringComparison.Ordinal);
        Assert.Contains("\"Unchanged\":[\"F100\"]", JsonSerializer.Serialize(again.Value), StringComparison.Ordinal);
        Assert.Equal("Nova", (await _collector.Registry.FindAsync("F100", default))!.Name);
    }
}
