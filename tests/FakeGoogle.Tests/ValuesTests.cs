using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using MonitoramentoBKP.FakeGoogle.Tests.Support;

namespace MonitoramentoBKP.FakeGoogle.Tests;

public sealed class ValuesTests
{
    [Fact]
    public async Task Values_round_trip_through_a_sheet_whose_title_has_an_accent_and_a_space()
    {
        await using var session = await Session.StartAsync();
        await session.BatchUpdateAsync(new { addSheet = new { properties = new { title = "Histórico 2026", gridProperties = new { rowCount = 100, columnCount = 33 } } } });
        object?[] header = ["Filial", .. Enumerable.Range(2, 32).Select(i => $"C{i}")];

        var written = await session.PutAsync(session.ValuesPath("'Histórico 2026'!A1:AG3", "?valueInputOption=RAW"),
            new { values = new object?[][] { header, ["F001", 12.5, true], ["F002"] } });
        var read = await session.GetAsync(session.ValuesPath("'Histórico 2026'!A1:AG3", "?valueRenderOption=UNFORMATTED_VALUE"));

        Assert.Equal("'Histórico 2026'!A1:AG3", written.ShouldSucceed().Body["updatedRange"]!.GetValue<string>());
        Assert.Equal(37, written.Body["updatedCells"]!.GetValue<int>());
        Assert.Equal("'Histórico 2026'!A1:AG3", read.ShouldSucceed().Body["range"]!.GetValue<string>());
        Assert.Equal("""[["F001",12.5,true],["F002"]]""", new JsonArray([.. read.Body["values"]!.AsArray().Skip(1).Select(r => r!.DeepClone())]).ToJsonString());
        var sheet = session.Spreadsheet.Sheet("Histórico 2026");
        Assert.Equal(12.5, sheet.ValueAt("B2"));
        Assert.Equal(true, sheet.ValueAt("C2"));
        Assert.Equal("C33", sheet.ValueAt("AG1"));
    }

    [Fact]
    public async Task A_range_sent_unescaped_in_the_path_works_as_well()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.SendAsync(HttpMethod.Put, $"v4/spreadsheets/{session.SpreadsheetId}/values/Sheet1!A1:B1?valueInputOption=RAW", """{"values":[["a","b"]]}""");

        Assert.Equal("Sheet1!A1:B1", reply.ShouldSucceed().Body["updatedRange"]!.GetValue<string>());
    }

    [Fact]
    public async Task Formatted_values_are_strings_and_trailing_empty_cells_and_rows_are_trimmed()
    {
        await using var session = await Session.StartAsync();
        await session.WriteAsync("Sheet1!A1", ["a", null, 3], [], ["b"]);

        var reply = await session.GetAsync(session.ValuesPath("Sheet1!A1:D10"));
        var empty = await session.GetAsync(session.ValuesPath("Sheet1!H1:H5"));

        Assert.Equal("""[["a","","3"],[],["b"]]""", reply.ShouldSucceed().Body["values"]!.ToJsonString());
        Assert.Equal("Sheet1!A1:D10", reply.Body["range"]!.GetValue<string>());
        Assert.Equal("ROWS", reply.Body["majorDimension"]!.GetValue<string>());
        Assert.Null(empty.ShouldSucceed().Body["values"]);
    }

    [Fact]
    public async Task Columns_major_dimension_reads_column_by_column()
    {
        await using var session = await Session.StartAsync();
        await session.WriteAsync("Sheet1!A1", ["a", "b"], ["c", "d"]);

        var reply = await session.GetAsync(session.ValuesPath("Sheet1!A:B", "?majorDimension=COLUMNS"));

        Assert.Equal("""[["a","c"],["b","d"]]""", reply.ShouldSucceed().Body["values"]!.ToJsonString());
        Assert.Equal("Sheet1!A1:B1000", reply.Body["range"]!.GetValue<string>());
    }

    [Fact]
    public async Task User_entered_numeric_text_becomes_a_number_and_raw_text_stays_text()
    {
        await using var session = await Session.StartAsync();

        await session.PutAsync(session.ValuesPath("Sheet1!A1", "?valueInputOption=USER_ENTERED"), new { values = new[] { new[] { "42", "TRUE", "'7", "abc" } } });
        await session.PutAsync(session.ValuesPath("Sheet1!A2", "?valueInputOption=RAW"), new { values = new[] { new[] { "42", "TRUE" } } });

        Assert.Equal("""[[42,true,"7","abc"],["42","TRUE"]]""", JsonSerializer.Serialize(session.Spreadsheet.Values("Sheet1")));
    }

    [Fact]
    public async Task A_sheet_title_that_does_not_exist_is_unable_to_parse()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.GetAsync(session.ValuesPath("Historico!A1:B2"));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("Unable to parse range: Historico!A1:B2", reply.ErrorMessage);
    }

    [Fact]
    public async Task Update_beyond_the_grid_is_refused_with_google_message()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.WriteAsync("Sheet1!A1001", ["x"]);
        var wide = await session.WriteAsync("Sheet1!A1:AB1", ["x"]);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("Range ('Sheet1'!A1001) exceeds grid limits. Max rows: 1000, max columns: 26", reply.ErrorMessage);
        Assert.Equal(HttpStatusCode.BadRequest, wide.Status);
    }

    [Fact]
    public async Task Update_with_more_values_than_its_range_is_refused()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.WriteAsync("Sheet1!A1:B1", ["a", "b", "c"]);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("Requested writing within range [Sheet1!A1:B1], but tried writing to column [C]", reply.ErrorMessage);
    }

    [Fact]
    public async Task A_value_range_whose_own_range_lies_outside_the_url_range_is_refused()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.PutAsync(session.ValuesPath("Sheet1!A1:B2", "?valueInputOption=RAW"), new { range = "Sheet1!C1", values = new[] { new[] { "x" } } });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }

    [Fact]
    public async Task Append_writes_after_the_last_row_of_the_table_and_grows_the_grid()
    {
        await using var session = await Session.StartAsync();
        await session.BatchUpdateAsync(new { addSheet = new { properties = new { title = "Log", gridProperties = new { rowCount = 3, columnCount = 3 } } } });
        await session.WriteAsync("Log!A1", ["when", "branch"], ["d1", "F001"]);

        var first = await session.PostAsync(session.ValuesPath("Log!A:B", ":append?valueInputOption=RAW"), new { values = new[] { new[] { "d2", "F002" } } });
        var second = await session.PostAsync(session.ValuesPath("Log!A:B", ":append?valueInputOption=RAW&insertDataOption=INSERT_ROWS"),
            new { values = new[] { new[] { "d3", "F003", "extra", "wider" } } });

        Assert.Equal("Log!A1:B2", first.ShouldSucceed().Body["tableRange"]!.GetValue<string>());
        Assert.Equal("Log!A3:B3", first.Body["updates"]!["updatedRange"]!.GetValue<string>());
        Assert.Equal("Log!A4:D4", second.ShouldSucceed().Body["updates"]!["updatedRange"]!.GetValue<string>());
        var sheet = session.Spreadsheet.Sheet("Log");
        Assert.Equal(4, sheet.RowCount);
        Assert.Equal(4, sheet.ColumnCount);
        Assert.Equal("wider", sheet.ValueAt("D4"));
    }

    [Fact]
    public async Task Append_to_an_empty_sheet_starts_at_the_range()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.PostAsync(session.ValuesPath("Sheet1!B2", ":append?valueInputOption=RAW"), new { values = new[] { new[] { "x" } } });

        Assert.Null(reply.ShouldSucceed().Body["tableRange"]);
        Assert.Equal("x", session.Spreadsheet.Sheet("Sheet1").ValueAt("B2"));
    }

    [Fact]
    public async Task Batch_get_returns_one_value_range_per_range()
    {
        await using var session = await Session.StartAsync();
        await session.WriteAsync("Sheet1!A1", ["a", "b"]);

        var reply = await session.GetAsync(session.SpreadsheetPath($"/values:batchGet?ranges={Uri.EscapeDataString("Sheet1!A1")}&ranges=B1:B2"));

        var ranges = reply.ShouldSucceed().Body["valueRanges"]!.AsArray();
        Assert.Equal(["Sheet1!A1", "Sheet1!B1:B2"], ranges.Select(r => r!["range"]!.GetValue<string>()));
        Assert.Equal("b", ranges[1]!["values"]![0]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Batch_update_writes_every_range_or_none()
    {
        await using var session = await Session.StartAsync();

        var good = await session.PostAsync(session.SpreadsheetPath("/values:batchUpdate"), new
        {
            valueInputOption = "RAW",
            data = new object[] { new { range = "Sheet1!A1", values = new[] { new[] { "a" } } }, new { range = "Sheet1!B2:C2", values = new[] { new[] { "b", "c" } } } },
        });
        var bad = await session.PostAsync(session.SpreadsheetPath("/values:batchUpdate"), new
        {
            valueInputOption = "RAW",
            data = new object[] { new { range = "Sheet1!D1", values = new[] { new[] { "d" } } }, new { range = "Missing!A1", values = new[] { new[] { "e" } } } },
        });

        Assert.Equal(3, good.ShouldSucceed().Body["totalUpdatedCells"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Null(session.Spreadsheet.Sheet("Sheet1").ValueAt("D1"));
    }

    [Fact]
    public async Task Clear_and_batch_clear_empty_the_ranges()
    {
        await using var session = await Session.StartAsync();
        await session.WriteAsync("Sheet1!A1", ["a", "b", "c"], ["d", "e", "f"]);

        var cleared = await session.PostAsync(session.ValuesPath("Sheet1!A:A", ":clear"), new { });
        await session.PostAsync(session.SpreadsheetPath("/values:batchClear"), new { ranges = new[] { "Sheet1!C1", "Sheet1!B2" } });

        Assert.Equal("Sheet1!A1:A1000", cleared.ShouldSucceed().Body["clearedRange"]!.GetValue<string>());
        Assert.Equal("""[[null,"b"],[null,null,"f"]]""", JsonSerializer.Serialize(session.Spreadsheet.Values("Sheet1")));
    }

    [Fact]
    public async Task A_json_null_cell_leaves_the_cell_and_an_empty_string_clears_it()
    {
        await using var session = await Session.StartAsync();
        await session.WriteAsync("Sheet1!A1", ["a", "b"]);

        await session.WriteAsync("Sheet1!A1", [null, ""]);

        Assert.Equal("""[["a"]]""", JsonSerializer.Serialize(session.Spreadsheet.Values("Sheet1")));
    }

    [Fact]
    public async Task Concurrent_appends_each_land_on_their_own_row()
    {
        await using var session = await Session.StartAsync();

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            session.PostAsync(session.ValuesPath("Sheet1!A:B", ":append?valueInputOption=RAW"), new { values = new[] { new object[] { $"F{i:000}", i } } })));

        Assert.All(replies, r => r.ShouldSucceed());
        var rows = session.Spreadsheet.Values("Sheet1");
        Assert.Equal(20, rows.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"F{i:000}"), rows.Select(r => (string)r[0]!).Order());
    }
}
