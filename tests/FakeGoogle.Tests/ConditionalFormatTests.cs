using System.Net;
using MonitoramentoBKP.FakeGoogle.Tests.Support;

namespace MonitoramentoBKP.FakeGoogle.Tests;

public sealed class ConditionalFormatTests
{
    [Fact]
    public async Task Conditional_format_rules_are_visible_in_order_and_in_spreadsheets_get()
    {
        await using var session = await Session.StartAsync();
        var reply = await session.BatchUpdateAsync(Rule("FALHA", 1, 0), Rule("OK", 0.7, 1));
        var get = await session.GetAsync(session.SpreadsheetPath());

        reply.ShouldSucceed();
        var rules = session.Spreadsheet.Sheet("Sheet1").ConditionalFormats;
        Assert.Equal(["FALHA", "OK"], rules.Select(r => r.ConditionValues.Single()));
        Assert.Equal("TEXT_EQ", rules[0].ConditionType);
        Assert.True(rules[0].BackgroundColor!.IsAbout(1, 0.8, 0.8));
        Assert.Equal(new FakeGridRange(0, 1, null, 2, 3), rules[0].Ranges.Single());
        Assert.Equal(2, get.ShouldSucceed().Body["sheets"]![0]!["conditionalFormats"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("TEXT_EQ", 0)]
    [InlineData("NUMBER_BETWEEN", 1)]
    [InlineData("ONE_OF_LIST", 2)]
    [InlineData("CONDITION_TYPE_UNSPECIFIED", 0)]
    public async Task A_condition_conditional_formatting_cannot_use_as_given_is_refused(string type, int values)
    {
        await using var session = await Session.StartAsync();

        var reply = await session.BatchUpdateAsync(new
        {
            addConditionalFormatRule = new
            {
                rule = new
                {
                    ranges = new[] { new { sheetId = 0 } },
                    booleanRule = new { condition = new { type, values = Enumerable.Repeat(new { userEnteredValue = "1" }, values).ToArray() }, format = new { textFormat = new { bold = true } } },
                },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }

    [Fact]
    public async Task Deleting_a_conditional_format_rule_that_is_not_there_is_refused()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.BatchUpdateAsync(new { deleteConditionalFormatRule = new { sheetId = 0, index = 0 } });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }

    [Fact]
    public async Task Deleting_a_rule_replies_with_it_and_removes_it()
    {
        await using var session = await Session.StartAsync();
        await session.BatchUpdateAsync(Rule("FALHA", 1, 0));

        var reply = await session.BatchUpdateAsync(new { deleteConditionalFormatRule = new { sheetId = 0, index = 0 } });

        Assert.Equal("TEXT_EQ", reply.ShouldSucceed().Body["replies"]![0]!["deleteConditionalFormatRule"]!["rule"]!["booleanRule"]!["condition"]!["type"]!.GetValue<string>());
        Assert.Empty(session.Spreadsheet.Sheet("Sheet1").ConditionalFormats);
    }

    [Fact]
    public async Task A_conditional_format_may_not_set_a_number_format()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.BatchUpdateAsync(new
        {
            addConditionalFormatRule = new
            {
                rule = new
                {
                    ranges = new[] { new { sheetId = 0 } },
                    booleanRule = new { condition = new { type = "NOT_BLANK" }, format = new { numberFormat = new { type = "NUMBER" } } },
                },
            },
        });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("numberFormat", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_index_past_the_end_of_the_rules_is_refused()
    {
        await using var session = await Session.StartAsync();

        var reply = await session.BatchUpdateAsync(Rule("OK", 0.7, 1));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }

    private static object Rule(string text, double red, int index) => new
    {
        addConditionalFormatRule = new
        {
            rule = new
            {
                ranges = new[] { new { sheetId = 0, startRowIndex = 1, startColumnIndex = 2, endColumnIndex = 3 } },
                booleanRule = new
                {
                    condition = new { type = "TEXT_EQ", values = new[] { new { userEnteredValue = text } } },
                    format = new { backgroundColor = new { red, green = 0.8, blue = 0.8 } },
                },
            },
            index,
        },
    };
}
