using System.Net;
using MonitoramentoBKP.FakeGoogle.Tests.Support;

namespace MonitoramentoBKP.FakeGoogle.Tests;

public sealed class BatchUpdateTests
{
    [Fact]
    public async Task Add_sheet_replies_with_its_properties_and_google_defaults()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.BatchUpdateAsync(new { addSheet = new { properties = new { title = "Status" } } });

        var properties = reply.ShouldSucceed().Body["replies"]![0]!["addSheet"]!["properties"]!;
        Assert.Equal("Status", properties["title"]!.GetValue<string>());
        Assert.Equal(1, properties["index"]!.GetValue<int>());
        Assert.Equal(1000, properties["gridProperties"]!["rowCount"]!.GetValue<int>());
        Assert.Equal(26, properties["gridProperties"]!["columnCount"]!.GetValue<int>());
        Assert.Equal(properties["sheetId"]!.GetValue<int>(), session.Spreadsheet.Sheet("Status").SheetId);
    }

    [Fact]
    public async Task Adding_a_sheet_twice_is_refused()
    {
        await using var session = await Session.StartAsync();
        await session.BatchUpdateAsync(new { addSheet = new { properties = new { title = "Status" } } });

        var reply = await session.BatchUpdateAsync(new { addSheet = new { properties = new { title = "status" } } });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("Invalid requests[0].addSheet: A sheet with the name \"status\" already exists. Please enter another name.", reply.ErrorMessage);
    }

    [Fact]
    public async Task A_batch_whose_second_request_fails_applies_nothing()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.BatchUpdateAsync(
            new { addSheet = new { properties = new { title = "Status" } } },
            new { updateSheetProperties = new { properties = new { sheetId = 424242, title = "x" }, fields = "title" } });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("Invalid requests[1].updateSheetProperties: No grid with id: 424242", reply.ErrorMessage);
        Assert.Equal(["Sheet1"], session.Spreadsheet.SheetTitles);
    }

    [Fact]
    public async Task Frozen_rows_and_titles_change_through_a_fields_mask()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.BatchUpdateAsync(new
        {
            updateSheetProperties = new
            {
                properties = new { sheetId = 0, title = "Status", gridProperties = new { frozenRowCount = 1, rowCount = 5 } },
                fields = "title,gridProperties.frozenRowCount",
            },
        });

        reply.ShouldSucceed();
        var sheet = session.Spreadsheet.Sheet("Status");
        Assert.Equal(1, sheet.FrozenRowCount);
        Assert.Equal(1000, sheet.RowCount);
    }

    [Fact]
    public async Task Update_sheet_properties_without_fields_is_refused()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.BatchUpdateAsync(new { updateSheetProperties = new { properties = new { sheetId = 0, title = "x" } } });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.StartsWith("Invalid requests[0].updateSheetProperties:", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fields_mask_naming_a_field_the_schema_lacks_is_refused()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.BatchUpdateAsync(new
        {
            updateSheetProperties = new { properties = new { sheetId = 0, gridProperties = new { rowCount = 5 } }, fields = "gridProperties(rowCount,rows)" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("gridProperties.rows", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeat_cell_formats_show_per_cell_through_the_fields_mask()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.BatchUpdateAsync(
            new
            {
                repeatCell = new
                {
                    range = new { sheetId = 0, startRowIndex = 0, endRowIndex = 1 },
                    cell = new { userEnteredFormat = new { textFormat = new { bold = true }, backgroundColor = new { red = 0.9, green = 0.9, blue = 0.9 } } },
                    fields = "userEnteredFormat(textFormat,backgroundColor)",
                },
            },
            new
            {
                repeatCell = new
                {
                    range = new { sheetId = 0, startRowIndex = 1, startColumnIndex = 2, endColumnIndex = 3 },
                    cell = new { userEnteredFormat = new { numberFormat = new { type = "DATE_TIME", pattern = "dd/MM/yyyy HH:mm" }, textFormat = new { bold = true } } },
                    fields = "userEnteredFormat.numberFormat",
                },
            });

        reply.ShouldSucceed();
        var sheet = session.Spreadsheet.Sheet("Sheet1");
        Assert.True(sheet.FormatAt("Z1").Bold);
        Assert.True(sheet.FormatAt("A1").BackgroundColor!.IsAbout(0.9, 0.9, 0.9));
        Assert.Null(sheet.FormatAt("A2").Bold);
        Assert.Equal("DATE_TIME", sheet.FormatAt("C500").NumberFormatType);
        Assert.Equal("dd/MM/yyyy HH:mm", sheet.FormatAt("C2").NumberFormatPattern);
        Assert.Null(sheet.FormatAt("C2").Bold);
        Assert.Equal(2, sheet.RepeatCells.Count);
    }

    [Fact]
    public async Task Repeat_cell_without_fields_is_refused()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.BatchUpdateAsync(new { repeatCell = new { range = new { sheetId = 0 }, cell = new { userEnteredFormat = new { textFormat = new { bold = true } } } } });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }

    [Fact]
    public async Task A_grid_range_past_the_sheet_is_refused()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.BatchUpdateAsync(new
        {
            repeatCell = new { range = new { sheetId = 0, startColumnIndex = 0, endColumnIndex = 33 }, cell = new { userEnteredFormat = new { textFormat = new { bold = true } } }, fields = "userEnteredFormat.textFormat.bold" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("exceeds grid limits", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Column_widths_set_by_update_dimension_properties_are_visible()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.BatchUpdateAsync(new
        {
            updateDimensionProperties = new
            {
                range = new { sheetId = 0, dimension = "COLUMNS", startIndex = 1, endIndex = 3 },
                properties = new { pixelSize = 240 },
                fields = "pixelSize",
            },
        });

        reply.ShouldSucceed();
        Assert.Equal(new Dictionary<int, int> { [1] = 240, [2] = 240 }, session.Spreadsheet.Sheet("Sheet1").ColumnWidths);
    }

    [Fact]
    public async Task Append_dimension_and_delete_sheet_change_the_grid_and_the_sheets()
    {
        await using var session = await Session.StartAsync();
        var added = await session.BatchUpdateAsync(new { addSheet = new { properties = new { title = "Old", sheetId = 7 } } });

        var reply = await session.BatchUpdateAsync(
            new { appendDimension = new { sheetId = 0, dimension = "COLUMNS", length = 7 } },
            new { deleteSheet = new { sheetId = 7 } });
        var lastSheet = await session.BatchUpdateAsync(new { deleteSheet = new { sheetId = 0 } });

        added.ShouldSucceed();
        reply.ShouldSucceed();
        Assert.Equal(33, session.Spreadsheet.Sheet("Sheet1").ColumnCount);
        Assert.Equal(["Sheet1"], session.Spreadsheet.SheetTitles);
        Assert.Equal(HttpStatusCode.BadRequest, lastSheet.Status);
    }

    [Fact]
    public async Task A_request_kind_the_fake_does_not_carry_out_fails_loudly()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.BatchUpdateAsync(new { autoResizeDimensions = new { dimensions = new { sheetId = 0, dimension = "COLUMNS" } } });

        Assert.Equal(HttpStatusCode.NotImplemented, reply.Status);
    }

    [Fact]
    public async Task An_entry_of_requests_must_hold_exactly_one_kind()
    {
        await using var session = await Session.StartAsync();

        var none = await session.BatchUpdateAsync(new { });
        var two = await session.BatchUpdateAsync(new { addSheet = new { }, deleteSheet = new { sheetId = 0 } });

        Assert.Equal("Invalid requests[0]: No request set.", none.ErrorMessage);
        Assert.Equal(HttpStatusCode.BadRequest, two.Status);
    }

    [Fact]
    public async Task Spreadsheets_get_returns_sheets_with_their_grid_properties()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.GetAsync(session.SpreadsheetPath("?fields=spreadsheetId,sheets.properties"));

        var body = reply.ShouldSucceed().Body;
        Assert.Equal(session.SpreadsheetId, body["spreadsheetId"]!.GetValue<string>());
        Assert.Equal("Backups", body["properties"]!["title"]!.GetValue<string>());
        var sheet = body["sheets"]![0]!["properties"]!;
        Assert.Equal(0, sheet["sheetId"]!.GetValue<int>());
        Assert.Equal("Sheet1", sheet["title"]!.GetValue<string>());
        Assert.Equal("GRID", sheet["sheetType"]!.GetValue<string>());
        Assert.Equal(1000, sheet["gridProperties"]!["rowCount"]!.GetValue<int>());
    }
}
