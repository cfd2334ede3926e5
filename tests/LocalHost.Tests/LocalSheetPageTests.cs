using System.Net;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.LocalHost.LocalSheet;
using MonitoramentoBKP.LocalHost.Tests.Support;

namespace MonitoramentoBKP.LocalHost.Tests;

public sealed class LocalSheetPageTests : IDisposable
{
    private static readonly DateTimeOffset Generated = new(2026, 11, 30, 14, 5, 3, TimeSpan.FromHours(-3));

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<LocalSheetWriter> SheetAsync(SheetLanguage language)
    {
        var sheet = new LocalSheetWriter(_folder.Path);
        await sheet.InitAsync(SampleSheet.Layout(language), language, default);
        await sheet.RewriteAsync(SampleSheet.Status(language, name: "Irmãos & Cia <Matriz>"), language, default);
        return sheet;
    }

    [Fact]
    public async Task Names_typed_by_people_are_HTML_encoded_and_the_page_has_no_script()
    {
        var html = LocalSheetPage.Render((await SheetAsync(SheetLanguage.Portuguese)).Snapshot(), Generated);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Filhos", html, StringComparison.Ordinal);
        Assert.Contains("Irm&#227;os &amp; Cia &lt;Matriz&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_page_says_it_is_read_only_how_often_it_refreshes_and_when_it_was_made()
    {
        var portuguese = LocalSheetPage.Render((await SheetAsync(SheetLanguage.Portuguese)).Snapshot(), Generated, refreshSeconds: 30);
        var english = LocalSheetPage.Render((await SheetAsync(SheetLanguage.English)).Snapshot(), Generated);

        Assert.Contains("<meta http-equiv=\"refresh\" content=\"30\">", portuguese, StringComparison.Ordinal);
        Assert.Contains("Somente leitura: esta p&#225;gina se atualiza sozinha a cada 30 segundos. Gerada em 30/11/2026 14:05:03 (UTC-03:00).", portuguese, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"pt-BR\">", portuguese, StringComparison.Ordinal);
        Assert.Contains("Read-only: this page refreshes itself every 10 seconds. Generated at 2026-11-30 14:05:03 (UTC-03:00).", english, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_tone_has_a_class_painted_with_the_sheets_palette()
    {
        var html = LocalSheetPage.Render((await SheetAsync(SheetLanguage.Portuguese)).Snapshot(), Generated);

        Assert.Contains("td.tone-bad { background: #f4c7c3; }", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"tone-warning\" data-tone=\"warning\">ATEN&#199;&#195;O</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_tab_says_it_has_no_rows_yet()
    {
        var html = LocalSheetPage.Render(new LocalSheetWriter(_folder.Path).Snapshot(), Generated);

        Assert.Equal(3, html.Split("Nenhuma linha ainda.").Length - 1);
    }

    [Fact]
    public async Task The_local_host_serves_the_page_as_UTF8_HTML_that_is_never_cached()
    {
        var sheet = await SheetAsync(SheetLanguage.Portuguese);
        await using var server = await LocalSheetServer.StartAsync(sheet);
        using var client = new HttpClient();

        using var response = await client.GetAsync(server.Address);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Contains("<table id=\"tab-status\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
