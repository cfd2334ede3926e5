using System.Text.Json.Nodes;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Google.Tests.Support;
using MonitoramentoBKP.FakeGoogle;

namespace MonitoramentoBKP.Collector.Google.Tests;

/// <summary>The sheet as Google renders it: rows below the header look like data, not like the header, however they got there.</summary>
public sealed class DataRowFormatTests
{
    private static void AssertDataRow(FakeSheet sheet, int row, int momentColumn)
    {
        var cell = sheet.FormatAt(row, 0);
        Assert.False(cell.Bold, $"{sheet.Title} row {row + 1} is bold");
        Assert.Null(cell.BackgroundColor);
        Assert.Equal(("DATE_TIME", "dd/mm/yyyy hh:mm"), (sheet.FormatAt(row, momentColumn).NumberFormatType, sheet.FormatAt(row, momentColumn).NumberFormatPattern));
    }

    [Fact]
    public async Task The_first_alert_rows_come_out_in_regular_weight_without_a_background_and_with_their_moments_as_dates()
    {
        await using var rig = await GoogleRig.StartAsync();
        await rig.FlipAsync("F0001", SetStatus.Failed, GoogleRig.Now);
        Assert.Null((await rig.Dispatcher.DispatchAsync(default)).Problem);
        await rig.FlipAsync("F0002", SetStatus.Failed, GoogleRig.Now.AddMinutes(5));
        Assert.Null((await rig.Dispatcher.DispatchAsync(default)).Problem);

        var alerts = rig.Spreadsheet.Sheet("Alertas");

        Assert.Equal(3, alerts.Values.Count);
        Assert.True(alerts.FormatAt("A1").Bold);
        AssertDataRow(alerts, 1, momentColumn: 1);
        AssertDataRow(alerts, 2, momentColumn: 1);
        Assert.IsType<double>(alerts.ValueAt("B2"));
        Assert.Equal(1000, alerts.RowCount);
        Assert.All(alerts.ConditionalFormats, r => Assert.Equal(1, r.Ranges.Single().StartRowIndex));
        AssertDataRow(rig.Spreadsheet.Sheet("Status"), 1, momentColumn: 4);
    }

    [Fact]
    public async Task Rows_an_earlier_version_left_bold_on_grey_are_made_regular_by_sheets_init()
    {
        await using var rig = await GoogleRig.StartAsync();
        await rig.Dispatcher.InitAsync(default);
        await rig.FlipAsync("F0001", SetStatus.Failed, GoogleRig.Now);
        await rig.Dispatcher.DispatchAsync(default);
        var alertas = rig.Spreadsheet.Sheet("Alertas").SheetId;

        // What rows appended under the header with INSERT_ROWS looked like: the header's format, without the date format.
        await rig.Client.BatchUpdateAsync(
        [
            new JsonObject
            {
                ["repeatCell"] = new JsonObject
                {
                    ["range"] = new JsonObject { ["sheetId"] = alertas, ["startRowIndex"] = 1, ["endRowIndex"] = 2 },
                    ["cell"] = new JsonObject { ["userEnteredFormat"] = new JsonObject { ["textFormat"] = new JsonObject { ["bold"] = true }, ["backgroundColor"] = new JsonObject { ["red"] = 0.9, ["green"] = 0.9, ["blue"] = 0.9 } } },
                    ["fields"] = "userEnteredFormat",
                },
            },
        ], idempotent: true, default);
        Assert.True(rig.Spreadsheet.Sheet("Alertas").FormatAt("A2").Bold);

        Assert.Null((await rig.Dispatcher.InitAsync(default)).Problem);

        AssertDataRow(rig.Spreadsheet.Sheet("Alertas"), 1, momentColumn: 1);
        Assert.True(rig.Spreadsheet.Sheet("Alertas").FormatAt("A1").Bold);
    }
}
