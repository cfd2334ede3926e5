using System.Globalization;
using System.Net;
using System.Text;
using MonitoramentoBKP.Collector.Localization;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.LocalHost.LocalSheet;

/// <summary>
/// The local sheet as one read-only HTML page, laid out and coloured like the Google sheet (same tabs, columns,
/// row order and colours), that reloads itself. Self-contained and without scripts, so it opens anywhere.
/// </summary>
public static class LocalSheetPage
{
    public const int DefaultRefreshSeconds = 10;

    // Cells stay on one line, as in the sheet, except in columns wide enough to hold sentences (the reasons).
    private const int WideColumn = 300;

    private static readonly Text Heading = new("MonitoramentoBKP — planilha local", "MonitoramentoBKP — local sheet");
    private static readonly Text ReadOnly = new(
        "Somente leitura: esta página se atualiza sozinha a cada {0} segundos. Gerada em {1}. As mesmas abas estão em arquivos CSV em {2}.",
        "Read-only: this page refreshes itself every {0} seconds. Generated at {1}. The same tabs are in CSV files in {2}.");
    private static readonly Text NoRows = new("Nenhuma linha ainda.", "No rows yet.");

    private const string Style = """
        body { margin: 16px 20px; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #202124; background: #fff; }
        h1 { font-size: 18px; margin: 0 0 4px; }
        h2 { font-size: 15px; margin: 22px 0 6px; }
        .note { margin: 0; color: #5f6368; }
        .empty { margin: 4px 0; color: #5f6368; font-style: italic; }
        .scroll { overflow: auto; max-height: 75vh; border: 1px solid #dadce0; }
        table { border-collapse: separate; border-spacing: 0; }
        th, td { padding: 3px 8px; text-align: left; vertical-align: top; border-right: 1px solid #e8eaed; border-bottom: 1px solid #e8eaed; }
        th { position: sticky; top: 0; z-index: 1; background: #f1f3f4; font-weight: bold; white-space: nowrap; }
        td { white-space: nowrap; }
        td.wrap { white-space: pre-line; max-width: 36em; }
        tbody tr:nth-child(even) { background: #f8f9fa; }
        #tab-historico td:nth-child(n+4), #tab-historico th:nth-child(n+4) { text-align: center; padding: 3px 4px; }
        """;

    public static string Render(LocalSheetSnapshot snapshot, DateTimeOffset generatedAt, int refreshSeconds = DefaultRefreshSeconds)
    {
        var language = snapshot.Language;
        var title = language.Say(Heading);
        var generated = generatedAt.ToString(language.DateTimePattern + ":ss", CultureInfo.InvariantCulture)
            + " (UTC" + generatedAt.ToString("zzz", CultureInfo.InvariantCulture) + ")";
        var note = string.Format(CultureInfo.InvariantCulture, language.Say(ReadOnly), refreshSeconds, generated, snapshot.Folder);

        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"").Append(language.Code == "en" ? "en" : "pt-BR").Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append(CultureInfo.InvariantCulture, $"<meta http-equiv=\"refresh\" content=\"{refreshSeconds}\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n<style>\n").Append(Style).Append('\n').Append(ToneStyles()).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(Encode(title)).Append("</h1>\n")
            .Append("<p class=\"note\">").Append(Encode(note)).Append("</p>\n");
        foreach (var table in snapshot.Tables)
        {
            AppendTable(html, table, language);
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static void AppendTable(StringBuilder html, LocalSheetTable table, SheetLanguage language)
    {
        html.Append("<section>\n<h2>").Append(Encode(table.Title)).Append("</h2>\n<div class=\"scroll\">\n")
            .Append("<table id=\"tab-").Append(IdOf(table.Title)).Append("\">\n<thead><tr>");
        for (var i = 0; i < table.Headers.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th style=\"min-width:{table.Widths[i]}px\">").Append(Encode(table.Headers[i])).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var cell = row[i];
                html.Append(cell.Tone != CellTone.None ? $"<td class=\"tone-{Name(cell.Tone)}\" data-tone=\"{Name(cell.Tone)}\">"
                        : i < table.Widths.Count && table.Widths[i] >= WideColumn ? "<td class=\"wrap\">" : "<td>")
                    .Append(Encode(cell.Text)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
        if (table.Rows.Count == 0)
        {
            html.Append("<p class=\"empty\">").Append(Encode(language.Say(NoRows))).Append("</p>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>One class per tone, from the same palette the Google sheet's conditional formatting uses.</summary>
    private static string ToneStyles() => string.Concat(Enum.GetValues<CellTone>()
        .Where(t => t != CellTone.None)
        .Select(t => $"td.tone-{Name(t)} {{ background: {SheetPalette.Hex(t)}; }}\n"));

    private static string Name(CellTone tone) => tone.ToString().ToLowerInvariant();

    /// <summary>"Histórico" becomes "historico": ids stay ASCII so they are easy to address.</summary>
    private static string IdOf(string title) => new(title.Normalize(NormalizationForm.FormD)
        .Where(c => char.IsAsciiLetterOrDigit(c))
        .Select(char.ToLowerInvariant)
        .ToArray());

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
