using System.Text.Json.Nodes;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Google.Tests.Support;

namespace MonitoramentoBKP.Collector.Google.Tests;

/// <summary>Google tells tab titles apart ignoring case: a manager's "status" is neither written over nor a reason for an endless, unexplained 400.</summary>
public sealed class TabInTheWayTests
{
    private const string InTheWay = "a tab named 'status' is in the way of 'Status': rename or delete it";

    /// <summary>A manager's own tab, "status", with notes in it.</summary>
    private static async Task<int> ManagersTabAsync(GoogleRig rig)
    {
        var reply = await rig.Client.BatchUpdateAsync([new JsonObject { ["addSheet"] = new JsonObject { ["properties"] = new JsonObject { ["title"] = "status" } } }], idempotent: false, default);
        await rig.Client.WriteValuesAsync([new JsonObject { ["range"] = "'status'!A1", ["values"] = new JsonArray(new JsonArray("minhas notas")) }], default);
        return reply["replies"]![0]!["addSheet"]!["properties"]!["sheetId"]!.GetValue<int>();
    }

    [Fact]
    public async Task A_managers_tab_named_status_is_reported_in_the_way_in_the_status_and_left_alone_while_the_alerts_still_go_out()
    {
        await using var rig = await GoogleRig.StartAsync();
        var managers = await ManagersTabAsync(rig);
        await rig.FlipAsync("F0001", SetStatus.Failed, GoogleRig.Now);
        var before = rig.Google.Requests.Count;

        var refused = await rig.Dispatcher.DispatchAsync(default);
        var again = await rig.Dispatcher.DispatchAsync(default);
        var health = await rig.Dispatcher.HealthAsync(default);

        Assert.True(refused.Problem is { Permanent: true, StatusCode: null });
        Assert.Contains(InTheWay, health.Problem, StringComparison.Ordinal);
        Assert.Contains(rig.SpreadsheetId, health.Problem, StringComparison.Ordinal);
        Assert.True(health.Permanent);
        Assert.Equal(2, health.FailuresInARow);
        Assert.Equal(1, refused.AlertsAppended);
        Assert.Equal(0, again.AlertsAppended);
        Assert.Equal(["F0001/sql/20261130-150000.1"], rig.Spreadsheet.Sheet("Alertas").Values.Skip(1).Select(r => r[0]?.ToString()));
        
        // The alerts went out before Status was reached; the dispatch stopped there.
        Assert.Equal(["Sheet1", "status", "Alertas"], rig.Spreadsheet.SheetTitles);
        Assert.Equal([["minhas notas"]], rig.Spreadsheet.Sheet("status").Values.Select(r => r.Select(v => v?.ToString())));
        Assert.DoesNotContain(rig.Google.Requests.Skip(before), r => r.Status >= 400);
        Assert.DoesNotContain(rig.Google.Requests.Skip(before), r => r.Body.Contains($"\"sheetId\":{managers}", StringComparison.Ordinal) || r.Path.Contains("'status'", StringComparison.Ordinal));

        await rig.Client.BatchUpdateAsync([new JsonObject { ["updateSheetProperties"] = new JsonObject { ["properties"] = new JsonObject { ["sheetId"] = managers, ["title"] = "status do gerente" }, ["fields"] = "title" } }], idempotent: true, default);
        var fixedUp = await rig.Dispatcher.DispatchAsync(default);

        Assert.Null(fixedUp.Problem);
        Assert.Null((await rig.Dispatcher.HealthAsync(default)).Problem);
        Assert.Equal("FALHOU", rig.Spreadsheet.Sheet("Status").Values.Single(r => r[0]?.ToString() == "F0001")[3]);
        Assert.Equal("minhas notas", rig.Spreadsheet.Sheet("status do gerente").ValueAt("A1"));
    }

    [Fact]
    public async Task Sheets_init_with_a_tab_in_the_way_lays_nothing_out_and_says_what_is_in_the_way()
    {
        await using var rig = await GoogleRig.StartAsync();
        await ManagersTabAsync(rig);
        var before = rig.Google.Requests.Count;

        var result = await rig.Dispatcher.InitAsync(default);

        Assert.True(result.Problem is { Permanent: true });
        Assert.Contains(InTheWay, result.Problem!.Problem, StringComparison.Ordinal);
        Assert.Equal(["Sheet1", "status"], rig.Spreadsheet.SheetTitles);
        Assert.All(rig.Google.Requests.Skip(before), r => Assert.Equal("GET", r.Method));
    }
}
