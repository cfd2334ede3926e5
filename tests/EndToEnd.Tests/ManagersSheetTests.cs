using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.EndToEnd.Tests.Support;
using MonitoramentoBKP.FakeGoogle;
using MonitoramentoBKP.LocalHost.Tests.Support;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;

namespace MonitoramentoBKP.EndToEnd.Tests;

/// <summary>From a probe's manifest to the managers' sheet, through the local host as a process: Google (the fake) and the local sheet in a browser.</summary>
public sealed class ManagersSheetTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static string Registry => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "registry", "branches.json"));

    private static FileReport[] Week(string prefix, DateTime newest) =>
        [.. Enumerable.Range(0, 7).Select(d => File($"{prefix}_{newest.AddDays(-d):MMdd}.bak", 300_000_000, newest.AddDays(-d)))];

    /// <summary>Good, empty and stale sql-vendas sets (OK, FAILED, MISSED) with a good sql-estoque, for F003, F004 and F007.</summary>
    private static async Task ReportAsync(LocalHostProcess host)
    {
        Assert.Equal(HttpStatusCode.OK, (await host.Client.PostAsync("api/branches/import", new StringContent(Registry))).StatusCode);
        var now = DateTime.UtcNow;
        var lastNight = Local(now.Year, now.Month, now.Day, 0).AddHours(-2);
        var estoque = Set(Week("Estoque", lastNight)) with { Id = "sql-estoque" };
        foreach (var (branch, vendas) in new[]
        {
            ("F003", Set(Week("Vendas", lastNight)) with { Id = "sql-vendas" }),
            ("F004", Set() with { Id = "sql-vendas" }),
            ("F007", Set(Week("Vendas", lastNight.AddDays(-5))) with { Id = "sql-vendas" }),
        })
        {
            using var probe = await EnrolledProbe.EnrollAsync(host, branch);
            Assert.Equal(HttpStatusCode.Accepted, (await probe.PostAsync(Manifest(now, vendas, estoque) with { BranchId = branch })).StatusCode);
        }
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Waited 45 s for {what}.");
    }

    [Fact]
    public async Task Status_changes_reach_the_google_sheet_within_seconds_of_the_manifest()
    {
        await using var google = await FakeGoogleServer.StartAsync();
        var spreadsheet = google.CreateSpreadsheet();
        await using var host = await LocalHostProcess.StartAsync(storage: null, new Dictionary<string, string>
        {
            ["GoogleSpreadsheetId"] = spreadsheet,
            ["GoogleServiceAccountKey"] = google.ServiceAccountKeyJson,
            ["GoogleSheetsBaseUri"] = google.BaseUri.ToString(),
            ["SheetSchedule"] = "0 0 0 1 1 *",
        });
        Assert.Equal(HttpStatusCode.OK, (await host.Client.PostAsync("api/sheets/init", null)).StatusCode);

        var sent = DateTime.UtcNow;
        await ReportAsync(host);
        var alerts = await EventuallyAsync(
            () => Task.FromResult(google.Spreadsheet(spreadsheet).Sheet("Alertas").Values is { Count: >= 3 } v ? v : null),
            "two alert rows in the Google sheet");
        var took = DateTime.UtcNow - sent;
        output.WriteLine($"From the first manifest posted to both alert rows in the Google sheet: {took.TotalSeconds:0.0} s");

        Assert.Equal(["F004", "F007"], alerts.Skip(1).Select(r => r[2]?.ToString()).Order(StringComparer.Ordinal));
        Assert.All(alerts.Skip(1), r => Assert.Equal("Aberto", r[5]));
        Assert.True(took < TimeSpan.FromSeconds(30), $"took {took}");
        var status = await EventuallyAsync(
            () => Task.FromResult(google.Spreadsheet(spreadsheet).Sheet("Status").Values is { Count: > 2 } v && v[1][3]?.ToString() == "FALHOU" ? v : null),
            "the Status tab rewritten after the alerts");
        Assert.Equal(["FALHOU", "ATRASADO"], status.Skip(1).Take(2).Select(r => r[3]?.ToString()));
        using var report = JsonDocument.Parse(await host.Client.GetStringAsync("api/status"));
        Assert.StartsWith("Google spreadsheet", report.RootElement.GetProperty("sheet").GetProperty("target").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, report.RootElement.GetProperty("sheet").GetProperty("problem").ValueKind);
    }

    [Fact]
    public async Task Without_google_the_local_sheet_page_shows_the_state_in_the_sheets_colours_and_the_csv_files_agree()
    {
        var folder = Path.Combine(Path.GetTempPath(), "monitoramentobkp-sheet-" + Guid.NewGuid().ToString("N"));
        await using var chromium = new HeadlessChromium();
        await chromium.InitializeAsync();
        try
        {
            await using var host = await LocalHostProcess.StartAsync(storage: null, new Dictionary<string, string> { ["LocalSheetFolder"] = folder });
            await ReportAsync(host);
            await EventuallyAsync(
                async () => System.IO.File.Exists(Path.Combine(folder, "alertas.csv")) && (await System.IO.File.ReadAllLinesAsync(Path.Combine(folder, "alertas.csv"))).Length >= 3 ? "ok" : null,
                "two alert rows in alertas.csv");

            // Status and Histórico are rewritten after the alerts are appended, in the same dispatch.
            await EventuallyAsync(
                async () => System.IO.File.Exists(Path.Combine(folder, "status.csv")) && (await System.IO.File.ReadAllLinesAsync(Path.Combine(folder, "status.csv"))).Length >= 4 ? "ok" : null,
                "the Status tab rewritten after the alerts");

            var page = await chromium.EvaluateAsync(host.Address, """
                (() => [...document.querySelectorAll('table')].map(t => ({
                  id: t.id,
                  rows: [...t.querySelectorAll('tbody tr')].map(tr => [...tr.cells].map(td => [td.textContent, getComputedStyle(td).backgroundColor]))
                })))()
                """);

            var tables = page.EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("rows"));
            Assert.Equal(["tab-status", "tab-alertas", "tab-historico"], tables.Keys);
            string[][] Cells(string table, int column) => [.. tables[table].EnumerateArray().Select(r => new[] { r[column][0].GetString()!, r[column][1].GetString()! })];
            var status = tables["tab-status"].EnumerateArray().Select(r => (Branch: r[0][0].GetString(), Set: r[2][0].GetString(), State: r[3][0].GetString(), Colour: r[3][1].GetString())).ToList();
            Assert.Equal(("F004", "sql-vendas", "FALHOU", "rgb(244, 199, 195)"), status[0]);
            Assert.Equal(("F007", "sql-vendas", "ATRASADO", "rgb(244, 199, 195)"), status[1]);
            Assert.All(status.Where(s => s.Branch is "F003"), s => Assert.Equal(("OK", "rgb(183, 225, 205)"), (s.State, s.Colour)));
            Assert.Equal([["FALHOU", "rgb(244, 199, 195)"], ["ATRASADO", "rgb(244, 199, 195)"]], Cells("tab-alertas", 6).OrderBy(c => c[0], StringComparer.Ordinal).Reverse());
            var history = tables["tab-historico"].EnumerateArray().Single(r => r[0][0].GetString() == "F004" && r[2][0].GetString() == "sql-vendas");
            var today = history[history.GetArrayLength() - 1];
            Assert.Equal(("✗", "rgb(244, 199, 195)"), (today[0].GetString(), today[1].GetString()));

            var csv = await System.IO.File.ReadAllLinesAsync(Path.Combine(folder, "status.csv"));
            Assert.StartsWith("Filial;Nome;Conjunto;Estado;", csv[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
            Assert.StartsWith("F004;", csv[1], StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
