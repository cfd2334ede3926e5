using Microsoft.AspNetCore.Mvc;
using MonitoramentoBKP.Collector.Reading;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Functions.Tests.Support;
using MonitoramentoBKP.Functions.Triggers;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;

namespace MonitoramentoBKP.Functions.Tests;

/// <summary>The outbox delivered to the sheet: once, in order, surviving failures, visible when it cannot.</summary>
public sealed class SheetDispatchTests
{
    private static readonly DateTime Night = Local(2026, 11, 30, 23);
    private readonly TestCollector _collector = new(new DateTimeOffset(Night.AddMinutes(2), TimeSpan.Zero));

    private RecordingSheetWriter Sheet => _collector.Writer;

    private async Task ReceiveAsync(params MonitoramentoBKP.Contracts.Manifest[] manifests)
    {
        Assert.IsType<OkObjectResult>(await new ImportRegistry(_collector.Registry).Run(TestCollector.Request("POST", TestCollector.SampleRegistry), default));
        foreach (var manifest in manifests)
        {
            var result = (ObjectResult)await _collector.Receive().Run(_collector.ManifestRequest(manifest.BranchId, Manifests.Gzip(Manifests.Json(manifest))), default);
            Assert.Equal(202, result.StatusCode);
        }
    }

    private static MonitoramentoBKP.Contracts.Manifest Run(string branch, bool vendasEmpty = false) => Manifest(Night,
        vendasEmpty
            ? Set() with { Id = "sql-vendas" }
            : Set([.. Enumerable.Range(0, 7).Select(d => File($"Vendas_{Night.AddDays(-d):MMdd}.bak", 300_000_000, Night.AddDays(-d).AddMinutes(-55)))]) with { Id = "sql-vendas" },
        Set([.. Enumerable.Range(0, 7).Select(d => File($"Estoque_{Night.AddDays(-d):MMdd}.zip", 50_000_000, Night.AddDays(-d).AddMinutes(-50)))]) with { Id = "sql-estoque" }) with { BranchId = branch };

    private Task<DispatchResult> DispatchAsync() => _collector.Sheet.DispatchAsync(default);

    private async Task<SheetStatusView> HealthAsync() =>
        ((StatusReport)((OkObjectResult)await new GetStatus(_collector.Status, _collector.Sheet, _collector.Alerts).Run(TestCollector.Request("GET", ""), default)).Value!).Sheet;

    [Fact]
    public async Task A_failed_set_reaches_the_alert_log_once_and_heads_the_status_tab()
    {
        await ReceiveAsync(Run("F005"), Run("F003", vendasEmpty: true));
        Assert.True(_collector.State.Signals > 0);

        var first = await DispatchAsync();
        var second = await DispatchAsync();

        var alert = Assert.Single(Sheet.Alerts);
        Assert.Equal("F003/sql-vendas/20261201-020000.1", alert[0]);
        Assert.Equal(["F003", "Aberto", "FALHOU"], [alert[2], alert[5], alert[6]]);
        Assert.Equal(1, first.AlertsAppended);
        Assert.Equal(0, second.AlertsAppended);
        Assert.Equal(0, (await HealthAsync()).BranchesWaiting);

        var status = Sheet.Tabs[SheetTab.Status];
        Assert.Equal(["Filial", "Nome", "Conjunto", "Estado", "Desde", "Motivo", "Último backup", "Arquivo", "Tamanho", "Última comunicação", "Versão da sonda", "Fuso horário"], status.Headers(SheetLanguage.Portuguese));
        Assert.Equal(("F003", "sql-vendas", "FALHOU"), (status.Rows[0][0].Text, status.Rows[0][2].Text, status.Rows[0][3].Text));
        Assert.Contains("vazia", status.Rows[0][5].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(new DateTime(2026, 11, 30, 23, 2, 0), status.Rows[0][9].Local);
        Assert.Equal("OK", status.Rows.Single(r => r[0].Text == "F005" && r[2].Text == "sql-vendas")[3].Text);
        Assert.True(first.StatusRewritten && first.HistoryRewritten);
        Assert.False(second.StatusRewritten || second.HistoryRewritten);
        Assert.Equal(2, Sheet.Rewrites);
    }

    [Fact]
    public async Task The_history_tab_shows_the_last_30_local_days_with_closed_days_marked()
    {
        await ReceiveAsync(Run("F005"), Run("F003", vendasEmpty: true));

        await DispatchAsync();

        var history = Sheet.Tabs[SheetTab.History];
        Assert.Equal(33, history.Columns.Count);
        Assert.Equal("30/11", history.Headers(SheetLanguage.Portuguese)[^1]);
        var santana = history.Rows.Single(r => r[0].Text == "F005" && r[2].Text == "sql-vendas");
        var empty = history.Rows.Single(r => r[0].Text == "F003" && r[2].Text == "sql-vendas");
        Assert.Equal(SheetPalette.Done, santana[^1].Text);
        Assert.Equal(SheetPalette.Broken, empty[^1].Text);
        Assert.Equal(SheetPalette.Closed, santana[^2].Text);
        Assert.Equal("", santana[^3].Text);
    }

    [Fact]
    public async Task An_append_applied_but_answered_with_a_failure_is_not_sent_again()
    {
        await ReceiveAsync(Run("F003", vendasEmpty: true));
        Sheet.FailAfterNextAppend = new SheetDeliveryException("503 after applying", permanent: false, 503);

        var result = await DispatchAsync();

        Assert.Single(Sheet.Alerts);
        Assert.Equal(1, result.AlertsAlreadyThere);
        Assert.True(Sheet.IdReads >= 1);
        Assert.Null(result.Problem);
        Assert.Null(_collector.Ledger.Saved.InFlight);
    }

    [Fact]
    public async Task A_batch_whose_every_try_had_an_unknown_outcome_is_checked_against_the_sheet_before_it_is_sent_again()
    {
        await ReceiveAsync(Run("F003", vendasEmpty: true));
        Sheet.FailAfterNextAppend = new SheetDeliveryException("500 after applying", permanent: false, 500);
        Sheet.RefuseIdReads = new SheetDeliveryException("503", permanent: false, 503);

        var failed = await DispatchAsync();
        Sheet.RefuseIdReads = null;
        var next = await DispatchAsync();

        Assert.True(failed.Problem is { Permanent: false });
        Assert.True(_collector.Ledger.Saved.InFlight is null);
        Assert.Single(Sheet.Alerts);
        Assert.Equal(1, next.AlertsAlreadyThere);
    }

    [Fact]
    public async Task A_dispatch_that_stops_after_sending_is_finished_by_the_next_without_repeating_rows()
    {
        await ReceiveAsync(Run("F003", vendasEmpty: true), Run("F006", vendasEmpty: true));

        // Saves: the planned batch, "attempted", then the one after sending: that one fails.
        _collector.Ledger.CrashOnSave = 3;
        await Assert.ThrowsAsync<InvalidOperationException>(DispatchAsync);
        Assert.Equal(2, Sheet.Alerts.Count);
        Assert.NotNull(_collector.Ledger.Saved.InFlight);

        var next = await DispatchAsync();

        Assert.Equal(2, Sheet.Alerts.Count);
        Assert.Equal(2, next.AlertsAlreadyThere);
        Assert.Equal(0, next.AlertsAppended);
        Assert.Null(_collector.Ledger.Saved.InFlight);
        Assert.Equal(0, (await HealthAsync()).BranchesWaiting);
    }

    [Fact]
    public async Task A_refused_sheet_keeps_the_alerts_shows_the_problem_in_the_status_and_delivers_once_fixed()
    {
        await ReceiveAsync(Run("F003", vendasEmpty: true));
        Sheet.Refuse = new SheetDeliveryException("Google Sheets values.append answered 403: PERMISSION_DENIED", permanent: true, 403);

        var refused = await DispatchAsync();
        var health = await HealthAsync();

        Assert.True(refused.Problem is { Permanent: true, StatusCode: 403 });
        Assert.Contains("403", health.Problem, StringComparison.Ordinal);
        Assert.True(health.Permanent);
        Assert.Equal(1, health.AlertsInFlight);
        Assert.Equal(1, health.PermanentFailuresTotal);
        Assert.Empty(Sheet.Alerts);

        Sheet.Refuse = null;
        var fixedUp = await DispatchAsync();
        health = await HealthAsync();

        Assert.Single(Sheet.Alerts);
        Assert.Null(health.Problem);
        Assert.Equal(0, health.AlertsInFlight);
        Assert.Equal(1, health.PermanentFailuresTotal);
        Assert.NotNull(health.LastDeliveredUtc);
        Assert.Equal(1, fixedUp.AlertsAppended + fixedUp.AlertsAlreadyThere);
    }

    [Fact]
    public async Task A_change_whose_mark_was_lost_is_found_by_the_periodic_scan()
    {
        await ReceiveAsync(Run("F003", vendasEmpty: true));
        await DispatchAsync();
        _collector.Time.Advance(TimeSpan.FromHours(1));
        await ReceiveAsync(Run("F006", vendasEmpty: true));
        _collector.State.DropMarks();

        var soon = await DispatchAsync();
        _collector.Time.Advance(TimeSpan.FromHours(6));
        var later = await DispatchAsync();

        Assert.Equal(0, soon.AlertsAppended);
        Assert.Equal(1, later.AlertsAppended);
        Assert.Equal(["F003", "F006"], Sheet.Alerts.Select(a => a[2]));
    }

    [Fact]
    public async Task A_dispatch_finding_another_one_at_work_leaves_the_work_to_it()
    {
        await ReceiveAsync(Run("F003", vendasEmpty: true));
        await using var held = await _collector.Ledger.TryAcquireAsync(default);

        var result = await DispatchAsync();

        Assert.True(result.WasBusy);
        Assert.Empty(Sheet.Alerts);
    }

    [Fact]
    public async Task Sheets_init_lays_out_the_three_tabs_and_writes_them()
    {
        await ReceiveAsync(Run("F005"));

        var result = (OkObjectResult)await new InitSheet(_collector.Sheet, Microsoft.Extensions.Logging.Abstractions.NullLogger<InitSheet>.Instance).Run(TestCollector.Request("POST", ""), default);

        Assert.Equal(1, Sheet.Inits);
        Assert.Equal([SheetTab.Alerts, SheetTab.History, SheetTab.Status], Sheet.Tabs.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("StatusRewritten = True", result.Value!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tab_in_the_way_is_named_by_sheets_init_and_by_the_status_until_someone_moves_it()
    {
        await ReceiveAsync(Run("F003", vendasEmpty: true));

        // What the Google writer says when a manager's tab "status" stands where the product's "Status" must go.
        Sheet.Refuse = new SheetDeliveryException("Google spreadsheet 1AbC: a tab named 'status' is in the way of 'Status': rename or delete it (Google tells tab names apart ignoring case, and the collector does not write over a tab it did not make).", permanent: true);
        var init = (ObjectResult)await new InitSheet(_collector.Sheet, Microsoft.Extensions.Logging.Abstractions.NullLogger<InitSheet>.Instance).Run(TestCollector.Request("POST", ""), default);
        var health = await HealthAsync();

        var problem = Assert.IsType<ProblemDetails>(init.Value);
        Assert.Equal((502, "sheet-delivery"), (init.StatusCode, problem.Type));
        Assert.Contains("a tab named 'status' is in the way of 'Status': rename or delete it", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("a tab named 'status' is in the way of 'Status': rename or delete it", health.Problem, StringComparison.Ordinal);
        Assert.True(health is { Permanent: true, StatusCode: null, BranchesWaiting: 1 });

        Sheet.Refuse = null;
        await DispatchAsync();

        Assert.Null((await HealthAsync()).Problem);
        Assert.Single(Sheet.Alerts);
    }
}
