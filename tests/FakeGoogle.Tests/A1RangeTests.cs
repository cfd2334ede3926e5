using MonitoramentoBKP.FakeGoogle.Model;

namespace MonitoramentoBKP.FakeGoogle.Tests;

public sealed class A1RangeTests
{
    [Theory]
    [InlineData("Sheet1", "Sheet1", null, null, null, null)]
    [InlineData("'My sheet'!A1:C3", "My sheet", 0, 3, 0, 3)]
    [InlineData("Sheet1!A:A", "Sheet1", null, null, 0, 1)]
    [InlineData("Sheet1!A2:AG", "Sheet1", 1, null, 0, 33)]
    [InlineData("Sheet1!2:5", "Sheet1", 1, 5, null, null)]
    [InlineData("'It''s'!B2", "It's", 1, 2, 1, 2)]
    [InlineData("'Histórico'!A1:AG3", "Histórico", 0, 3, 0, 33)]
    [InlineData("Sheet1!C3:A1", "Sheet1", 0, 3, 0, 3)]
    [InlineData("A1:B2", null, 0, 2, 0, 2)]
    [InlineData("Sheet1!aa10", "Sheet1", 9, 10, 26, 27)]
    public void Ranges_in_a1_notation_parse_to_grid_bounds(string text, string? title, int? startRow, int? endRow, int? startColumn, int? endColumn)
    {
        Assert.True(A1Range.TryParse(text, out var range));

        Assert.Equal(new A1Range(title, startRow, endRow, startColumn, endColumn), range);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Sheet1!")]
    [InlineData("Sheet1!A0")]
    [InlineData("Sheet1!A")]
    [InlineData("Sheet1!5")]
    [InlineData("'Unclosed!A1")]
    [InlineData("'Sheet1'A1")]
    [InlineData("Sheet1!A1:B2:C3")]
    [InlineData("Sheet1!AAAA1")]
    public void Malformed_ranges_do_not_parse(string text) => Assert.False(A1Range.TryParse(text, out _));

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(32, "AG")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Columns_are_named_by_letters(int index, string name) => Assert.Equal(name, A1Range.ColumnName(index));

    [Theory]
    [InlineData("Sheet1", "Sheet1!A1:B2")]
    [InlineData("My sheet", "'My sheet'!A1:B2")]
    [InlineData("It's", "'It''s'!A1:B2")]
    [InlineData("Histórico", "'Histórico'!A1:B2")]
    public void Titles_are_quoted_only_when_needed_when_a_range_is_written_back(string title, string expected) =>
        Assert.Equal(expected, new A1Range(title, 0, 2, 0, 2).Format());
}
