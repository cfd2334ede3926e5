using System.Text.Json.Nodes;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Google;

/// <summary>
/// The managers' sheet on Google Sheets. Status and Histórico are written whole with RAW values (moments as date
/// serial numbers under the column's date format), Alertas grows by appends; a tab that is missing is laid out
/// first. Every value goes RAW, so text from branches and probes ("=HYPERLINK(...)") is never read as a formula.
/// Bodies are kept under <see cref="GoogleSheetOptions.MaxRequestBytes"/> by splitting rows over requests.
/// Tab titles are unique in Google ignoring case: a tab whose title differs from one of the product's only in case
/// (a manager's "status") is not taken over, it is reported as in the way until someone renames or deletes it.
/// </summary>
public sealed class GoogleSheetWriter(GoogleSheetsClient client, GoogleSheetOptions options) : ISheetWriter
{
    private const int NewTabRows = 1000;

    private readonly SemaphoreSlim gate = new(1, 1);
    // By title ignoring case, as Google tells titles apart.
    private Dictionary<string, SheetInfo>? tabs;

    public string Describe => $"Google spreadsheet {options.SpreadsheetId}";

    public Task InitAsync(IReadOnlyList<SheetTab> layout, SheetLanguage language, CancellationToken cancellationToken) =>
        ExclusiveAsync(() => LayOutAsync(layout, language, cancellationToken), cancellationToken);

    public Task RewriteAsync(SheetTab tab, SheetLanguage language, CancellationToken cancellationToken) => ExclusiveAsync(async () =>
    {
        var info = await TabAsync(tab, language, cancellationToken).ConfigureAwait(false);
        var rows = tab.Rows.Count + 1;
        var columns = tab.Columns.Count;
        if (info.RowCount < rows || info.ColumnCount < columns)
        {
            info = info with { RowCount = Math.Max(info.RowCount, rows), ColumnCount = Math.Max(info.ColumnCount, columns) };
            await client.BatchUpdateAsync([SheetRequests.GridSize(info.SheetId, info.RowCount, info.ColumnCount)], idempotent: true, cancellationToken).ConfigureAwait(false);
            tabs![tab.Title] = info;
        }

        var all = new List<JsonArray> { Row(tab.Headers(language).Select(h => (JsonNode?)h)) };
        all.AddRange(tab.Rows.Select(r => Row(r.Select(Value))));
        var first = 0;
        foreach (var slice in Slices(all))
        {
            var range = A1.Range(tab.Title, first + 1, columns, first + slice.Count);
            await client.WriteValuesAsync([new JsonObject { ["range"] = range, ["majorDimension"] = "ROWS", ["values"] = new JsonArray([.. slice]) }], cancellationToken).ConfigureAwait(false);
            first += slice.Count;
        }

        // Rows left from a longer earlier version go. Always cleared: another instance may have written more rows meanwhile.
        if (info.RowCount > rows)
        {
            await client.ClearValuesAsync([A1.Range(tab.Title, rows + 1, Math.Max(columns, info.ColumnCount), info.RowCount)], cancellationToken).ConfigureAwait(false);
        }
    }, cancellationToken);

    public async Task<IReadOnlySet<string>> AlertIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await ExclusiveAsync(async () =>
        {
            // A log that is not there (a tab deleted by hand) holds no ids; the append lays it out again.
            tabs ??= await ReadTabsAsync(cancellationToken).ConfigureAwait(false);
            if (Find(tabs, SheetTab.Alerts) is null)
            {
                return;
            }

            var columns = await client.GetColumnsAsync($"{A1.Tab(SheetTab.Alerts)}!A2:A", cancellationToken).ConfigureAwait(false);
            foreach (var id in columns.Count > 0 && columns[0] is JsonArray first ? first : [])
            {
                if (id?.ToString() is { Length: > 0 } text)
                {
                    ids.Add(text);
                }
            }
        }, cancellationToken).ConfigureAwait(false);
        return ids;
    }

    public Task AppendAlertsAsync(SheetTab rows, SheetLanguage language, CancellationToken cancellationToken) => ExclusiveAsync(async () =>
    {
        await TabAsync(rows, language, cancellationToken).ConfigureAwait(false);
        foreach (var slice in Slices([.. rows.Rows.Select(r => Row(r.Select(Value)))]))
        {
            await client.AppendAsync(A1.Range(SheetTab.Alerts, 1, rows.Columns.Count), new JsonArray([.. slice]), cancellationToken).ConfigureAwait(false);
        }
    }, cancellationToken);

    /// <summary>One call at a time (they share what is known of the tabs); after a refusal that knowledge is dropped.</summary>
    private async Task ExclusiveAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (SheetDeliveryException e) when (e.Permanent)
        {
            Forget();
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// After a refusal the spreadsheet may not be what this writer remembers (a tab deleted or renamed by hand):
    /// the next call reads it again, and lays out what is missing.
    /// </summary>
    private void Forget()
    {
        tabs = null;
    }

    /// <summary>The tab as the spreadsheet has it, laid out first if it is missing.</summary>
    private async Task<SheetInfo> TabAsync(SheetTab tab, SheetLanguage language, CancellationToken cancellationToken)
    {
        tabs ??= await ReadTabsAsync(cancellationToken).ConfigureAwait(false);
        if (Find(tabs, tab.Title) is { } info)
        {
            return info;
        }

        await LayOutAsync([tab with { Rows = [] }], language, cancellationToken).ConfigureAwait(false);
        return tabs[tab.Title];
    }

    /// <summary>The product's tab with this title, or null when there is none; a tab titled the same but for case is in the way.</summary>
    private SheetInfo? Find(Dictionary<string, SheetInfo> known, string title) => known.GetValueOrDefault(title) switch
    {
        null => null,
        { } info when info.Title == title => info,
        { } other => throw new SheetDeliveryException(
            $"{Describe}: a tab named '{other.Title}' is in the way of '{title}': rename or delete it (Google tells tab names apart ignoring case, and the collector does not write over a tab it did not make).",
            permanent: true),
    };

    private async Task LayOutAsync(IReadOnlyList<SheetTab> layout, SheetLanguage language, CancellationToken cancellationToken)
    {
        var current = await ReadTabsAsync(cancellationToken).ConfigureAwait(false);
        var found = layout.Select(tab => Find(current, tab.Title)).ToList();
        var requests = new JsonArray();
        var headers = new JsonArray();
        var nextId = current.Values.Select(t => t.SheetId).DefaultIfEmpty(0).Max() + 1;
        for (var t = 0; t < layout.Count; t++)
        {
            var tab = layout[t];
            if (found[t] is { } info)
            {
                requests.Add(SheetRequests.FrozenHeader(info.SheetId, Math.Max(info.ColumnCount, tab.Columns.Count)));

                // Only the product's own colour rules go (they are added again below); the managers' stay, after them.
                for (var i = info.ConditionalFormats.Count - 1; i >= 0; i--)
                {
                    if (ProductRules.IsProducts(info.ConditionalFormats[i], info.SheetId, tab))
                    {
                        requests.Add(SheetRequests.DeleteConditionalFormat(info.SheetId, i));
                    }
                }
            }
            else
            {
                info = new SheetInfo(nextId++, tab.Title, NewTabRows, tab.Columns.Count, []);
                requests.Add(SheetRequests.AddSheet(info.SheetId, tab.Title, NewTabRows, tab.Columns.Count));
            }

            foreach (var request in SheetRequests.Format(info.SheetId, tab, language))
            {
                requests.Add(request);
            }

            headers.Add(new JsonObject
            {
                ["range"] = A1.Range(tab.Title, 1, tab.Columns.Count, 1),
                ["majorDimension"] = "ROWS",
                ["values"] = new JsonArray(Row(tab.Headers(language).Select(h => (JsonNode?)h))),
            });
        }

        // Adding a tab is not idempotent: after an unknown outcome, the next init reads the tabs again instead.
        await client.BatchUpdateAsync(requests, idempotent: false, cancellationToken).ConfigureAwait(false);
        await client.WriteValuesAsync(headers, cancellationToken).ConfigureAwait(false);
        tabs = await ReadTabsAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<Dictionary<string, SheetInfo>> ReadTabsAsync(CancellationToken cancellationToken)
    {
        var spreadsheet = await client.GetSpreadsheetAsync(cancellationToken).ConfigureAwait(false);
        var found = new Dictionary<string, SheetInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in spreadsheet["sheets"] as JsonArray ?? [])
        {
            var p = sheet?["properties"];
            if (p?["title"]?.GetValue<string>() is not { } title)
            {
                continue;
            }

            var grid = p["gridProperties"];
            found[title] = new SheetInfo(
                p["sheetId"]?.GetValue<int>() ?? 0,
                title,
                grid?["rowCount"]?.GetValue<int>() ?? 0,
                grid?["columnCount"]?.GetValue<int>() ?? 0,
                [.. (sheet!["conditionalFormats"] as JsonArray ?? []).OfType<JsonObject>()]);
        }

        return found;
    }

    /// <summary>Consecutive groups of rows whose request bodies stay under the size limit.</summary>
    private IEnumerable<List<JsonArray>> Slices(List<JsonArray> rows)
    {
        var slice = new List<JsonArray>();
        var bytes = 512;
        foreach (var row in rows)
        {
            var size = GoogleSheetsClient.BodyBytes(row) + 1;
            if (slice.Count > 0 && bytes + size > options.MaxRequestBytes)
            {
                yield return slice;
                slice = [];
                bytes = 512;
            }

            slice.Add(row);
            bytes += size;
        }

        if (slice.Count > 0)
        {
            yield return slice;
        }
    }

    private static JsonArray Row(IEnumerable<JsonNode?> cells) => new([.. cells]);

    private static JsonNode? Value(SheetCell cell) => cell.Local is { } local ? JsonValue.Create(Math.Round(SheetCell.Serial(local), 8)) : JsonValue.Create(cell.Text);
}
