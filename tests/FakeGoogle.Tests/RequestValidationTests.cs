using System.Net;
using MonitoramentoBKP.FakeGoogle.Tests.Support;

namespace MonitoramentoBKP.FakeGoogle.Tests;

/// <summary>What Google's front end refuses before any spreadsheet is touched: unknown paths, parameters and body fields.</summary>
public sealed class RequestValidationTests
{
    [Fact]
    public async Task A_path_no_discovery_method_has_is_not_found()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.GetAsync($"v4/spreadsheets/{session.SpreadsheetId}/cells/A1");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("NOT_FOUND", reply.ErrorStatus);
    }

    [Fact]
    public async Task A_known_path_with_the_wrong_http_method_is_not_found()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.SendAsync(HttpMethod.Delete, session.ValuesPath("Sheet1!A1"), null);

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
    }

    [Fact]
    public async Task Append_with_put_instead_of_post_is_not_the_append_method()
    {
        await using var session = await Session.StartAsync();

        await session.PutAsync(session.ValuesPath("Sheet1!A1", ":append?valueInputOption=RAW"), new { values = new[] { new[] { "x" } } });

        Assert.NotEqual("sheets.spreadsheets.values.append", session.Server.Requests[^1].Operation);
        Assert.Empty(session.Spreadsheet.Values("Sheet1"));
    }

    [Fact]
    public async Task An_unknown_spreadsheet_is_not_found()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.GetAsync("v4/spreadsheets/no-such-spreadsheet");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("Requested entity was not found.", reply.ErrorMessage);
    }

    [Fact]
    public async Task A_method_the_fake_does_not_carry_out_fails_loudly()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.PostAsync("v4/spreadsheets", new { properties = new { title = "New" } });

        Assert.Equal(HttpStatusCode.NotImplemented, reply.Status);
        Assert.Contains("not implemented by the fake", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_without_valueInputOption_is_refused()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.PostAsync(session.ValuesPath("Sheet1!A1", ":append"), new { values = new[] { new[] { "x" } } });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("'valueInputOption' is required but not specified", reply.ErrorMessage);
        Assert.Empty(session.Spreadsheet.Values("Sheet1"));
    }

    [Fact]
    public async Task Update_without_valueInputOption_is_refused()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.PutAsync(session.ValuesPath("Sheet1!A1"), new { values = new[] { new[] { "x" } } });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("'valueInputOption' is required but not specified", reply.ErrorMessage);
    }

    [Fact]
    public async Task Values_batchUpdate_body_without_valueInputOption_is_refused()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.PostAsync(session.SpreadsheetPath("/values:batchUpdate"),
            new { data = new[] { new { range = "Sheet1!A1", values = new[] { new[] { "x" } } } } });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("'valueInputOption' is required but not specified", reply.ErrorMessage);
    }

    [Fact]
    public async Task The_unspecified_valueInputOption_is_refused_too()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.PutAsync(session.ValuesPath("Sheet1!A1", "?valueInputOption=INPUT_VALUE_OPTION_UNSPECIFIED"), new { values = new[] { new[] { "x" } } });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }

    [Fact]
    public async Task An_unknown_body_property_is_refused_naming_where_it_is()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.BatchUpdateAsync(new { addSheet = new { properties = new { title = "Histórico" }, colour = "red" } });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("Invalid JSON payload received. Unknown name \"colour\" at 'requests[0].add_sheet': Cannot find field.", reply.ErrorMessage);
        Assert.False(session.Spreadsheet.HasSheet("Histórico"));
    }

    [Fact]
    public async Task An_unknown_request_kind_is_refused()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.BatchUpdateAsync(new { addTab = new { title = "x" } });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("Unknown name \"addTab\" at 'requests[0]'", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"requests":[{"addSheet":{"properties":{"title":"T","index":"first"}}}]}""", "requests[0].add_sheet.properties.index")]
    [InlineData("""{"requests":[{"addSheet":{"properties":{"title":"T","index":1.5}}}]}""", "requests[0].add_sheet.properties.index")]
    [InlineData("""{"requests":[{"addSheet":{"properties":{"title":7}}}]}""", "requests[0].add_sheet.properties.title")]
    [InlineData("""{"requests":[{"addSheet":{"properties":{"title":"T","hidden":"yes"}}}]}""", "requests[0].add_sheet.properties.hidden")]
    [InlineData("""{"requests":{"addSheet":{}}}""", "requests")]
    [InlineData("""{"requests":[{"addSheet":{"properties":{"title":"T","gridProperties":{"rowCount":3000000000}}}}]}""", "requests[0].add_sheet.properties.grid_properties.row_count")]
    [InlineData("""{"requests":[{"addSheet":{"properties":{"title":"T","sheetType":"CHART"}}}]}""", "requests[0].add_sheet.properties.sheet_type")]
    [InlineData("""{"requests":[{"addSheet":{"properties":{"title":"T","tabColor":{"red":"dark"}}}}]}""", "requests[0].add_sheet.properties.tab_color.red")]
    public async Task A_value_of_the_wrong_type_is_refused_naming_its_field(string body, string field)
    {
        await using var session = await Session.StartAsync();

        var reply = await session.SendAsync(HttpMethod.Post, session.SpreadsheetPath(":batchUpdate"), body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains($"'{field}'", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_must_be_a_list_of_rows()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.PutAsync(session.ValuesPath("Sheet1!A1", "?valueInputOption=RAW"), new { values = new[] { "a", "b" } });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }

    [Fact]
    public async Task A_cell_holding_an_object_is_refused()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.SendAsync(HttpMethod.Put, session.ValuesPath("Sheet1!A1", "?valueInputOption=RAW"), """{"values":[["a",{"b":1}]]}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.StartsWith("Invalid values[0][1]: struct_value", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Integers_as_strings_and_proto_field_names_are_accepted_as_google_accepts_them()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.SendAsync(HttpMethod.Post, session.SpreadsheetPath(":batchUpdate"),
            """{"requests":[{"add_sheet":{"properties":{"title":"T","grid_properties":{"row_count":"20","columnCount":5}}}}]}""");

        reply.ShouldSucceed();
        Assert.Equal(20, session.Spreadsheet.Sheet("T").RowCount);
    }

    [Fact]
    public async Task A_query_enum_outside_its_values_is_refused()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.PostAsync(session.ValuesPath("Sheet1!A1", ":append?valueInputOption=RAW&insertDataOption=APPEND"), new { values = new[] { new[] { "x" } } });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("Invalid value at 'insert_data_option' (TYPE_ENUM), \"APPEND\"", reply.ErrorMessage);
    }

    [Fact]
    public async Task An_unknown_query_parameter_is_refused_naming_it()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.PostAsync(session.ValuesPath("Sheet1!A1", ":append?valueInputOption=RAW&insertRows=true"), new { values = new[] { new[] { "x" } } });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("Unknown name \"insertRows\"", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parameter_of_another_method_is_unknown_here()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.GetAsync(session.ValuesPath("Sheet1!A1", "?valueInputOption=RAW"));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }

    [Fact]
    public async Task Standard_parameters_are_accepted_on_every_method()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.GetAsync(session.SpreadsheetPath("?fields=sheets.properties&prettyPrint=false&quotaUser=collector&%24.xgafv=2&alt=json"));

        reply.ShouldSucceed();
    }

    [Fact]
    public async Task A_body_not_sent_as_json_is_refused()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.SendAsync(HttpMethod.Put, session.ValuesPath("Sheet1!A1", "?valueInputOption=RAW"), """{"values":[["x"]]}""", "text/plain");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("application/json", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_request_is_recorded_with_its_operation_and_status()
    {
        await using var session = await Session.StartAsync();

        await session.WriteAsync("Sheet1!A1", ["x"]);
        await session.GetAsync(session.ValuesPath("Nope!A1"));

        var sheetsRequests = session.Server.Requests.Where(r => r.Operation is not null).ToList();
        Assert.Equal(["sheets.spreadsheets.values.update", "sheets.spreadsheets.values.get"], sheetsRequests.Select(r => r.Operation));
        Assert.Equal([200, 400], sheetsRequests.Select(r => r.Status));
        Assert.Equal("""{"values":[["x"]]}""", sheetsRequests[0].Body);
        Assert.Equal(sheetsRequests[0].Body.Length, sheetsRequests[0].BodyLength);
        Assert.Equal("?valueInputOption=RAW", sheetsRequests[0].Query);
    }
}
