using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Google.Tests.Support;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.FakeGoogle;

namespace MonitoramentoBKP.Collector.Google.Tests;

/// <summary>The Google writer against the fake Google: the sheet's layout, whole rewrites, and the request shapes.</summary>
public sealed class GoogleSheetWriterTests
{
    [Fact]
    public async Task Sheets_init_lays_out_the_three_tabs_with_bold_frozen_headers_widths_date_formats_and_colours()
    {
        await using var rig = await GoogleRig.StartAsync();

        var result = await rig.Dispatcher.InitAsync(default);

        Assert.Null(result.Problem);
        Assert.Equal(["Sheet1", "Status", "Alertas", "Histórico"], rig.Spreadsheet.SheetTitles);
        var status = rig.Spreadsheet.Sheet("Status");
        Assert.Equal(1, status.FrozenRowCount);
        Assert.True(status.FormatAt("A1").Bold);
        Assert.Equal(460, status.ColumnWidths[5]);
        Assert.Equal(("DATE_TIME", "dd/mm/yyyy hh:mm"), (status.FormatAt("E2").NumberFormatType, status.FormatAt("E2").NumberFormatPattern));
        Assert.Equal(["Filial", "Nome", "Conjunto", "Estado", "Desde", "Motivo", "Último backup", "Arquivo", "Tamanho", "Última comunicação", "Versão da sonda", "Fuso horário"], status.Values[0].Select(v => v?.ToString()));
        var failed = Assert.Single(status.ConditionalFormats, r => r.ConditionValues.SequenceEqual(["FALHOU"]));
        Assert.Equal("TEXT_EQ", failed.ConditionType);
        Assert.True(failed.BackgroundColor!.IsAbout(0xF4 / 255.0, 0xC7 / 255.0, 0xC3 / 255.0, 0.001));
        Assert.Equal(3, failed.Ranges.Single().StartColumnIndex);
        Assert.True(status.ConditionalFormats.Single(r => r.ConditionValues.SequenceEqual(["OK"])).BackgroundColor!.IsAbout(0xB7 / 255.0, 0xE1 / 255.0, 0xCD / 255.0, 0.001));
        Assert.True(status.ConditionalFormats.Single(r => r.ConditionValues.SequenceEqual(["ATENÇÃO"])).BackgroundColor!.IsAbout(0xFC / 255.0, 0xE8 / 255.0, 0xB2 / 255.0, 0.001));
        var history = rig.Spreadsheet.Sheet("Histórico");
        Assert.Equal(33, history.Values[0].Count);
        Assert.Contains(history.ConditionalFormats, r => r.ConditionValues.SequenceEqual(["✗"]) && r.Ranges.Single() is { StartColumnIndex: 3, EndColumnIndex: 33 });
        var alerts = rig.Spreadsheet.Sheet("Alertas");
        Assert.Equal(["Alerta", "Data"], alerts.Values[0].Take(2).Select(v => v?.ToString()));
        Assert.True(alerts.ConditionalFormats.Single(r => r.ConditionValues.SequenceEqual(["OK"])).Ranges.Single() is { StartColumnIndex: 6, EndColumnIndex: 8 });
    }

    [Fact]
    public async Task Sheets_init_twice_leaves_the_same_sheet()
    {
        await using var rig = await GoogleRig.StartAsync();
        await rig.FlipAsync("F0001", SetStatus.Failed, GoogleRig.Now);
        await rig.Dispatcher.InitAsync(default);
        var first = Picture(rig.Spreadsheet);

        var again = await rig.Dispatcher.InitAsync(default);

        Assert.Null(again.Problem);
        Assert.Equal(first, Picture(rig.Spreadsheet));
        Assert.Single(rig.Spreadsheet.Sheet("Alertas").Values.Skip(1));
    }

    [Fact]
    public async Task In_english_the_headers_and_coloured_words_are_english_and_the_tab_names_stay()
    {
        await using var rig = await GoogleRig.StartAsync(language: SheetLanguage.English);
        await rig.FlipAsync("F0001", SetStatus.Failed, GoogleRig.Now);

        await rig.Dispatcher.InitAsync(default);

        var status = rig.Spreadsheet.Sheet("Status");
        Assert.Equal(["Branch", "Name", "Set", "Status"], status.Values[0].Take(4).Select(v => v?.ToString()));
        Assert.Equal("FAILED", status.Values[1][3]);
        Assert.Contains(status.ConditionalFormats, r => r.ConditionValues.SequenceEqual(["FAILED"]));
        Assert.Equal("yyyy-mm-dd hh:mm", status.FormatAt("E2").NumberFormatPattern);
        Assert.Equal(["Sheet1", "Status", "Alertas", "Histórico"], rig.Spreadsheet.SheetTitles);
    }

    [Fact]
    public async Task Status_is_rewritten_whole_worst_first_with_moments_as_dates_and_rows_gone_when_it_shrinks()
    {
        await using var rig = await GoogleRig.StartAsync(branches: 4);
        await rig.FlipAsync("F0002", SetStatus.Warning, GoogleRig.Now);
        await rig.FlipAsync("F0003", SetStatus.Failed, GoogleRig.Now);
        await rig.FlipAsync("F0004", SetStatus.Ok, GoogleRig.Now);
        await rig.Dispatcher.DispatchAsync(default);
        var status = rig.Spreadsheet.Sheet("Status");

        Assert.Equal(["F0003", "F0002", "F0004", "F0001"], status.Values.Skip(1).Select(r => r[0]?.ToString()));
        Assert.Equal(["FALHOU", "ATENÇÃO", "OK", "SEM DADOS"], status.Values.Skip(1).Select(r => r[3]?.ToString()));
        var since = Assert.IsType<double>(status.Values[1][4]);
        Assert.Equal(new DateTime(2026, 11, 30, 12, 0, 0), new DateTime(1899, 12, 30).AddDays(since), TimeSpan.FromSeconds(1));

        var retire = await rig.Registry.ImportAsync("""
            { "templates": { "loja": { "sets": [ { "id": "sql", "root": "C:\\backup_sql", "schedule": "0 22 * * *" } ] } },
              "branches": [ { "id": "F0001", "name": "Loja 1", "template": "loja", "retired": true }, { "id": "F0002", "name": "Loja 2", "template": "loja", "retired": true },
                            { "id": "F0003", "name": "Loja 3", "template": "loja" }, { "id": "F0004", "name": "Loja 4", "template": "loja", "retired": true } ] }
            """, default);
        Assert.True(retire.Succeeded, string.Join("; ", retire.Problems));
        Assert.Null((await rig.Dispatcher.DispatchAsync(default)).Problem);

        status = rig.Spreadsheet.Sheet("Status");
        Assert.Equal(2, status.Values.Count(r => r.Any(v => v is not null && v.ToString() != "")));
        Assert.Equal("F0003", status.Values[1][0]);
    }

    [Fact]
    public async Task A_token_is_asked_once_and_a_revoked_one_is_replaced()
    {
        await using var rig = await GoogleRig.StartAsync();
        await rig.Dispatcher.InitAsync(default);
        await rig.FlipAsync("F0001", SetStatus.Failed, GoogleRig.Now);
        await rig.Dispatcher.DispatchAsync(default);
        Assert.Equal(1, rig.Google.TokenRequests);

        rig.Google.RevokeTokens();
        await rig.FlipAsync("F0001", SetStatus.Ok, GoogleRig.Now.AddHours(2));
        var result = await rig.Dispatcher.DispatchAsync(default);

        Assert.Null(result.Problem);
        Assert.Equal(2, rig.Google.TokenRequests);
        Assert.Equal(3, rig.Spreadsheet.Sheet("Alertas").Values.Count);
    }

    [Fact]
    public async Task A_tab_deleted_by_hand_is_laid_out_again_and_the_waiting_alert_reaches_it()
    {
        await using var rig = await GoogleRig.StartAsync();
        await rig.Dispatcher.InitAsync(default);
        var alertas = rig.Spreadsheet.Sheet("Alertas").SheetId;
        await rig.Client.BatchUpdateAsync([new System.Text.Json.Nodes.JsonObject { ["deleteSheet"] = new System.Text.Json.Nodes.JsonObject { ["sheetId"] = alertas } }], idempotent: false, default);
        await rig.FlipAsync("F0001", SetStatus.Failed, GoogleRig.Now);

        var refused = await rig.Dispatcher.DispatchAsync(default);
        var repaired = await rig.Dispatcher.DispatchAsync(default);

        Assert.True(refused.Problem is { Permanent: true, StatusCode: 400 });
        Assert.Null(repaired.Problem);
        var log = rig.Spreadsheet.Sheet("Alertas");
        Assert.Equal("Alerta", log.Values[0][0]);
        Assert.Equal("F0001/sql/20261130-150000.1", Assert.Single(log.Values.Skip(1))[0]);
        Assert.Equal(1, log.FrozenRowCount);
    }

    [Fact]
    public async Task A_bad_key_is_a_permanent_delivery_problem_that_says_what_to_fix()
    {
        await using var google = await FakeGoogleServer.StartAsync();
        var options = new GoogleSheetOptions { SpreadsheetId = google.CreateSpreadsheet(), ServiceAccountKeyJson = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/google)", BaseUri = google.BaseUri };
        var tokens = new GoogleAccessTokens(options);
        using var http = new HttpClient();
        var writer = new GoogleSheetWriter(new GoogleSheetsClient(http, tokens, options), options);

        var refusal = await Assert.ThrowsAsync<SheetDeliveryException>(() => writer.AlertIdsAsync(default));

        Assert.True(refusal.Permanent);
        Assert.Contains("GoogleServiceAccountKey is not JSON", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Key Vault reference", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(google.Requests);
    }

    /// <summary>Everything a person would see of the sheet: tabs, frozen rows, widths, formats, rules, values.</summary>
    private static string Picture(FakeSpreadsheet spreadsheet) => string.Join("\n", spreadsheet.Sheets.Select(s =>
        $"{s.Title}|{s.FrozenRowCount}|{s.RowCount}x{s.ColumnCount}|{string.Join(",", s.ColumnWidths.OrderBy(w => w.Key))}|"
        + $"{string.Join(";", s.ConditionalFormats.Select(r => r.Json))}|{string.Join(";", Enumerable.Range(0, s.ColumnCount).SelectMany(c => new[] { s.FormatAt(0, c).Json, s.FormatAt(1, c).Json }))}|"
        + string.Join(";", s.Values.Select(r => string.Join(",", r)))));
}
