using MonitoramentoBKP.FakeGoogle.Tests.Support;

namespace MonitoramentoBKP.FakeGoogle.Tests;

/// <summary>Rows added to a sheet take the format of the row above them, as in Sheets (InsertDimensionRequest.inheritFromBefore).</summary>
public sealed class InsertedRowFormatTests
{
    private static readonly object Grey = new { red = 0.9, green = 0.9, blue = 0.9 };

    /// <summary>A bold grey header row, data rows below in regular weight with dates in column B, and a colour rule on column A's data.</summary>
    private static async Task<Session> LogAsync()
    {
        var session = await Session.StartAsync();
        (await session.BatchUpdateAsync(
            new
            {
                repeatCell = new
                {
                    range = new { sheetId = 0, startRowIndex = 0, endRowIndex = 1 },
                    cell = new { userEnteredFormat = new { textFormat = new { bold = true }, backgroundColor = Grey } },
                    fields = "userEnteredFormat(textFormat,backgroundColor)",
                },
            },
            new
            {
                repeatCell = new
                {
                    range = new { sheetId = 0, startRowIndex = 1, startColumnIndex = 1, endColumnIndex = 2 },
                    cell = new { userEnteredFormat = new { numberFormat = new { type = "DATE_TIME", pattern = "dd/mm/yyyy hh:mm" } } },
                    fields = "userEnteredFormat.numberFormat",
                },
            },
            new
            {
                addConditionalFormatRule = new
                {
                    rule = new
                    {
                        ranges = new[] { new { sheetId = 0, startRowIndex = 1, startColumnIndex = 0, endColumnIndex = 1 } },
                        booleanRule = new { condition = new { type = "TEXT_EQ", values = new[] { new { userEnteredValue = "FALHOU" } } }, format = new { backgroundColor = Grey } },
                    },
                    index = 0,
                },
            })).ShouldSucceed();
        (await session.WriteAsync("Sheet1!A1", ["Alerta", "Data"])).ShouldSucceed();
        return session;
    }

    [Fact]
    public async Task A_row_appended_with_insert_rows_under_the_header_comes_out_like_the_header_and_the_rows_below_keep_their_own_format()
    {
        await using var session = await LogAsync();

        (await session.PostAsync(session.ValuesPath("Sheet1!A1:B", ":append?valueInputOption=RAW&insertDataOption=INSERT_ROWS"), new { values = new[] { new object[] { "FALHOU", 46356.5 } } })).ShouldSucceed();

        var sheet = session.Spreadsheet.Sheet("Sheet1");
        Assert.Equal((true, true), (sheet.FormatAt("A2").Bold, sheet.FormatAt("A2").BackgroundColor!.IsAbout(0.9, 0.9, 0.9)));
        Assert.Null(sheet.FormatAt("B2").NumberFormatType);
        Assert.Equal("DATE_TIME", sheet.FormatAt("B3").NumberFormatType);
        Assert.Null(sheet.FormatAt("A3").Bold);
        Assert.Equal(new FakeGridRange(0, 2, null, 0, 1), sheet.ConditionalFormats.Single().Ranges.Single());
        Assert.Equal(1001, sheet.RowCount);
    }

    [Fact]
    public async Task A_row_appended_over_the_empty_rows_below_the_table_keeps_their_format()
    {
        await using var session = await LogAsync();

        (await session.PostAsync(session.ValuesPath("Sheet1!A1:B", ":append?valueInputOption=RAW&insertDataOption=OVERWRITE"), new { values = new[] { new object[] { "FALHOU", 46356.5 } } })).ShouldSucceed();

        var sheet = session.Spreadsheet.Sheet("Sheet1");
        Assert.Null(sheet.FormatAt("A2").Bold);
        Assert.Equal("DATE_TIME", sheet.FormatAt("B2").NumberFormatType);
        Assert.Equal(new FakeGridRange(0, 1, null, 0, 1), sheet.ConditionalFormats.Single().Ranges.Single());
        Assert.Equal(1000, sheet.RowCount);
    }

    [Fact]
    public async Task Rows_added_at_the_end_of_the_grid_take_the_format_of_the_last_row()
    {
        await using var session = await Session.StartAsync();
        (await session.BatchUpdateAsync(
            new { repeatCell = new { range = new { sheetId = 0, startRowIndex = 0, endRowIndex = 1 }, cell = new { userEnteredFormat = new { textFormat = new { bold = true } } }, fields = "userEnteredFormat.textFormat.bold" } },
            new { repeatCell = new { range = new { sheetId = 0, startRowIndex = 999, endRowIndex = 1000 }, cell = new { userEnteredFormat = new { textFormat = new { italic = true } } }, fields = "userEnteredFormat.textFormat.italic" } })).ShouldSucceed();

        (await session.BatchUpdateAsync(new { appendDimension = new { sheetId = 0, dimension = "ROWS", length = 5 } })).ShouldSucceed();
        (await session.BatchUpdateAsync(new { updateSheetProperties = new { properties = new { sheetId = 0, gridProperties = new { rowCount = 1010 } }, fields = "gridProperties.rowCount" } })).ShouldSucceed();
        (await session.PostAsync(session.ValuesPath("Sheet1!A1010", ":append?valueInputOption=RAW"), new { values = new[] { new[] { "x" }, new[] { "y" } } })).ShouldSucceed();

        var sheet = session.Spreadsheet.Sheet("Sheet1");
        Assert.Equal(1011, sheet.RowCount);
        Assert.All(new[] { 999, 1004, 1009, 1010 }, row => Assert.True(sheet.FormatAt(row, 0).Italic));
        Assert.Null(sheet.FormatAt(998, 0).Italic);
        Assert.All(new[] { 1, 999, 1010 }, row => Assert.Null(sheet.FormatAt(row, 0).Bold));
    }
}
