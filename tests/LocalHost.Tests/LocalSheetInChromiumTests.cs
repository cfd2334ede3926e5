using System.Text.Json;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.LocalHost.LocalSheet;
using MonitoramentoBKP.LocalHost.Tests.Support;

namespace MonitoramentoBKP.LocalHost.Tests;

/// <summary>The local sheet's page as headless Chromium renders it, read back through the DOM and computed styles.</summary>
public sealed class LocalSheetInChromiumTests(HeadlessChromium chromium) : IClassFixture<HeadlessChromium>
{
    private const string Red = "rgb(244, 199, 195)";
    private const string Amber = "rgb(252, 232, 178)";
    private const string Green = "rgb(183, 225, 205)";
    private const string Grey = "rgb(239, 239, 239)";
    private const string Transparent = "rgba(0, 0, 0, 0)";

    // Every table as headers and rows of cells, each with its text and the background the browser paints it with.
    private const string Page = """
        (() => {
          const table = t => ({
            id: t.id,
            headers: [...t.querySelectorAll('thead th')].map(th => ({ text: th.textContent, weight: getComputedStyle(th).fontWeight, position: getComputedStyle(th).position })),
            rows: [...t.querySelectorAll('tbody tr')].map(tr => [...tr.cells].map(td => ({ text: td.textContent, background: getComputedStyle(td).backgroundColor }))),
            scrolls: t.parentElement.scrollWidth > t.parentElement.clientWidth,
          });
          return {
            title: document.title,
            heading: document.querySelector('h1').textContent,
            refresh: document.querySelector('meta[http-equiv="refresh"]').content,
            scripts: document.scripts.length,
            sections: [...document.querySelectorAll('h2')].map(h => h.textContent),
            pageScrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
            tables: [...document.querySelectorAll('table')].map(table),
          };
        })()
        """;

    private static async Task<(TempFolder Folder, LocalSheetWriter Sheet)> SheetAsync(SheetLanguage language)
    {
        var folder = new TempFolder();
        var sheet = new LocalSheetWriter(folder.Path);
        await sheet.InitAsync(SampleSheet.Layout(language), language, default);
        await sheet.RewriteAsync(SampleSheet.Status(language), language, default);
        await sheet.AppendAlertsAsync(SampleSheet.Opened(language, "F004/sql-vendas/20261130-0300.1"), language, default);
        await sheet.AppendAlertsAsync(SampleSheet.Resolved(language, "F004/sql-vendas/20261130-0300.2"), language, default);
        await sheet.RewriteAsync(SampleSheet.History(language), language, default);
        return (folder, sheet);
    }

    private static string[] Texts(JsonElement table, int column) => [.. table.GetProperty("rows").EnumerateArray().Select(r => r[column].GetProperty("text").GetString()!)];

    private static string[] Backgrounds(JsonElement table, int column) => [.. table.GetProperty("rows").EnumerateArray().Select(r => r[column].GetProperty("background").GetString()!)];

    private static string[] Headers(JsonElement table) => [.. table.GetProperty("headers").EnumerateArray().Select(h => h.GetProperty("text").GetString()!)];

    private static string[][] Cells(JsonElement table) =>
        [.. table.GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetProperty("text").GetString()!).ToArray())];

    /// <summary>The sample sheet in <paramref name="language"/>, served and rendered: the page and its three tables.</summary>
    private async Task<(JsonElement Page, JsonElement Status, JsonElement Alerts, JsonElement History)> RenderAsync(SheetLanguage language)
    {
        var (folder, sheet) = await SheetAsync(language);
        using var _ = folder;
        await using var server = await LocalSheetServer.StartAsync(sheet);
        var page = await chromium.EvaluateAsync(server.Address, Page);
        var tables = page.GetProperty("tables");
        return (page, tables[0], tables[1], tables[2]);
    }

    private static string[][] Expected(SheetTab tab, SheetLanguage language) => [.. tab.Rows.Select(r => r.Select(c => c.Display(language)).ToArray())];

    [Fact]
    public async Task The_page_shows_the_three_tabs_in_sheet_order_coloured_like_the_Google_sheet_in_Portuguese()
    {
        var language = SheetLanguage.Portuguese;
        var (page, status, alerts, history) = await RenderAsync(language);
        Assert.Equal("MonitoramentoBKP — planilha local", page.GetProperty("title").GetString());
        Assert.Equal("MonitoramentoBKP — planilha local", page.GetProperty("heading").GetString());
        Assert.Equal("10", page.GetProperty("refresh").GetString());
        Assert.Equal(0, page.GetProperty("scripts").GetInt32());
        Assert.Equal(["Status", "Alertas", "Histórico"], page.GetProperty("sections").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["tab-status", "tab-alertas", "tab-historico"], page.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("id").GetString()));

        Assert.Equal(["Filial", "Nome", "Conjunto", "Estado", "Desde", "Motivo", "Último backup", "Arquivo", "Tamanho", "Última comunicação", "Versão da sonda", "Fuso horário"], Headers(status));
        Assert.All(status.GetProperty("headers").EnumerateArray(), h => Assert.Equal(("700", "sticky"), (h.GetProperty("weight").GetString(), h.GetProperty("position").GetString())));
        Assert.Equal(Expected(SampleSheet.Status(language), language), Cells(status));
        Assert.Equal(["F004", "F007", "F002", "F001"], Texts(status, 0));
        Assert.Equal(SampleSheet.Awkward, Texts(status, 1)[1]);
        Assert.Equal("30/11/2026 02:10", Texts(status, 4)[0]);
        Assert.Equal(["FALHOU", "ATRASADO", "ATENÇÃO", "OK"], Texts(status, 3));
        Assert.Equal([Red, Red, Amber, Green], Backgrounds(status, 3));
        Assert.All(Backgrounds(status, 1), b => Assert.Equal(Transparent, b));

        Assert.Equal(["Alerta", "Data", "Filial", "Nome", "Conjunto", "Evento", "Estado", "Anterior", "Motivo", "Duração", "Fuso horário"], Headers(alerts));
        Assert.Equal(["F004/sql-vendas/20261130-0300.1", "F004/sql-vendas/20261130-0300.2"], Texts(alerts, 0));
        Assert.Equal(["Aberto", "Resolvido"], Texts(alerts, 5));
        Assert.Equal(["FALHOU", "OK"], Texts(alerts, 6));
        Assert.Equal([Red, Green], Backgrounds(alerts, 6));
        Assert.Equal([Green, Red], Backgrounds(alerts, 7));

        Assert.Equal(["Filial", "Nome", "Conjunto", .. Enumerable.Range(1, 30).Select(d => $"{d:00}/11")], Headers(history));
        Assert.Equal(Expected(SampleSheet.History(language), language), Cells(history));
        Assert.Equal(["✓", "!", "✗", "–", ""], Enumerable.Range(3, 5).Select(c => Texts(history, c)[0]));
        Assert.Equal([Green, Amber, Red, Grey, Transparent], Enumerable.Range(3, 5).Select(c => Backgrounds(history, c)[0]));
        Assert.All(Enumerable.Range(3, 30).Select(c => Backgrounds(history, c)[1]), b => Assert.Equal(Green, b));

        Assert.True(history.GetProperty("scrolls").GetBoolean(), "The 33 columns of Histórico should scroll inside their own box.");
        Assert.False(page.GetProperty("pageScrollsSideways").GetBoolean(), "The page itself should never scroll sideways.");
    }

    [Fact]
    public async Task The_page_speaks_English_when_the_sheet_does()
    {
        var language = SheetLanguage.English;
        var (page, status, alerts, history) = await RenderAsync(language);
        Assert.Equal("MonitoramentoBKP — local sheet", page.GetProperty("title").GetString());
        Assert.Equal(["Status", "Alertas", "Histórico"], page.GetProperty("sections").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["Branch", "Name", "Set", "Status", "Since", "Reason", "Last backup", "File", "Size", "Last contact", "Probe version", "Time zone"], Headers(status));
        Assert.Equal(Expected(SampleSheet.Status(language), language), Cells(status));
        Assert.Equal("2026-11-30 02:10", Texts(status, 4)[0]);
        Assert.Equal(["FAILED", "MISSED", "WARNING", "OK"], Texts(status, 3));
        Assert.Equal([Red, Red, Amber, Green], Backgrounds(status, 3));
        Assert.Equal(["Alert", "Time", "Branch", "Name", "Set", "Event", "Status", "Previous", "Reason", "Duration", "Time zone"], Headers(alerts));
        Assert.Equal(["Opened", "Resolved"], Texts(alerts, 5));
        Assert.Equal([Red, Green], Backgrounds(alerts, 6));
        Assert.Equal(["Branch", "Name", "Set", .. Enumerable.Range(1, 30).Select(d => $"11-{d:00}")], Headers(history));
        Assert.Equal([Green, Amber, Red, Grey, Transparent], Enumerable.Range(3, 5).Select(c => Backgrounds(history, c)[0]));
    }

    [Fact]
    public async Task The_open_page_reloads_itself_and_shows_the_latest_rewrite()
    {
        var language = SheetLanguage.Portuguese;
        var (folder, sheet) = await SheetAsync(language);
        using var _ = folder;
        await using var server = await LocalSheetServer.StartAsync(sheet, refreshSeconds: 1);
        const string Branches = "document.readyState === 'complete' ? [...document.querySelectorAll('#tab-status tbody tr td:first-child')].map(td => td.textContent).join(',') : ''";

        var before = (await chromium.EvaluateAsync(server.Address, Branches)).GetString();
        var everyoneOk = SampleSheet.Status(language);
        await sheet.RewriteAsync(everyoneOk with { Rows = everyoneOk.Rows.TakeLast(1).ToList() }, language, default);
        var after = before;
        for (var waited = 0; (after == before || after == "") && waited < 100; waited++)
        {
            await Task.Delay(100);
            try
            {
                after = (await chromium.EvaluateAsync(Branches)).GetString();
            }
            catch (InvalidOperationException)
            {
                // Caught in the middle of reloading: look again.
            }
        }

        Assert.Equal("F004,F007,F002,F001", before);
        Assert.Equal("F001", after);
    }
}
