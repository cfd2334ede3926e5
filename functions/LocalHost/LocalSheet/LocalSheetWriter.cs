using System.Text;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.LocalHost.LocalSheet;

/// <summary>
/// The managers' sheet without Google: the three tabs kept in memory for the page at "/" and written as CSV files
/// (status.csv, alertas.csv, historico.csv) in a folder. The files written by an earlier run are read back on
/// construction, so the page and the alert log survive a restart.
/// </summary>
public sealed class LocalSheetWriter : ISheetWriter
{
    private static readonly string[] Order = [SheetTab.Status, SheetTab.Alerts, SheetTab.History];

    private static readonly Dictionary<string, string> FileNames = new(StringComparer.Ordinal)
    {
        [SheetTab.Status] = "status.csv",
        [SheetTab.Alerts] = "alertas.csv",
        [SheetTab.History] = "historico.csv",
    };

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (IReadOnlyList<SheetColumn> Columns, List<IReadOnlyList<LocalSheetCell>> Rows)> _tabs = new(StringComparer.Ordinal);
    private SheetLanguage _language = SheetLanguage.Portuguese;

    // The language alertas.csv is written in, so appended lines use the separator its header line uses; null when there is no file yet.
    private SheetLanguage? _alertsFileLanguage;

    public LocalSheetWriter(string folder)
    {
        Folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(Folder);
        foreach (var title in Order)
        {
            var (columns, rows, language) = Load(title);
            _tabs[title] = (columns, rows);
            if (title == SheetTab.Alerts)
            {
                _alertsFileLanguage = language;
            }
        }
    }

    public string Folder { get; }

    public string Describe => $"local sheet at {Folder}";

    public Task InitAsync(IReadOnlyList<SheetTab> layout, SheetLanguage language, CancellationToken cancellationToken) => Run(language, cancellationToken, () =>
    {
        foreach (var tab in layout)
        {
            var title = Known(tab.Title);
            var (columns, rows) = _tabs[title];

            // Rows keep the columns they were written under until the next rewrite, so a new day's header never shifts yesterday's cells.
            _tabs[title] = (rows.Count == 0 ? tab.Columns : columns, rows);
            if (title != SheetTab.Alerts || _alertsFileLanguage != language || !File.Exists(PathOf(title)))
            {
                Save(title, language);
            }
        }
    });

    public Task RewriteAsync(SheetTab tab, SheetLanguage language, CancellationToken cancellationToken) => Run(language, cancellationToken, () =>
    {
        var title = Known(tab.Title);
        var previous = _tabs[title];
        _tabs[title] = (tab.Columns, tab.Rows.Select(r => Row(r, tab.Columns, language)).ToList());
        try
        {
            Save(title, language);
        }
        catch
        {
            _tabs[title] = previous;
            throw;
        }
    });

    public Task<IReadOnlySet<string>> AlertIdsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlySet<string>>(_tabs[SheetTab.Alerts].Rows.Select(r => r[0].Text).ToHashSet(StringComparer.Ordinal));
        }
    }

    public Task AppendAlertsAsync(SheetTab rows, SheetLanguage language, CancellationToken cancellationToken) => Run(language, cancellationToken, () =>
    {
        var (columns, existing) = _tabs[SheetTab.Alerts];
        columns = existing.Count == 0 ? rows.Columns : columns;
        var added = rows.Rows.Select(r => Row(r, columns, language)).ToList();
        _tabs[SheetTab.Alerts] = (columns, [.. existing, .. added]);
        try
        {
            if (_alertsFileLanguage == language && File.Exists(PathOf(SheetTab.Alerts)))
            {
                LocalSheetFiles.Append(PathOf(SheetTab.Alerts), string.Concat(added.Select(r => LocalSheetCsv.Line(r.Select(c => c.Text), language.CsvSeparator))));
            }
            else
            {
                // The first alert, or the language changed: the whole log is written again under a header and separator of the new language.
                Save(SheetTab.Alerts, language);
            }
        }
        catch
        {
            _tabs[SheetTab.Alerts] = (columns, existing);
            throw;
        }
    });

    /// <summary>The three tabs as they stand, headers in the language of the latest write.</summary>
    public LocalSheetSnapshot Snapshot()
    {
        lock (_gate)
        {
            var tables = Order.Select(title =>
            {
                var (columns, rows) = _tabs[title];
                return new LocalSheetTable(title, [.. columns.Select(c => _language.Say(c.Header))], [.. columns.Select(c => c.Width)], [.. rows]);
            });
            return new LocalSheetSnapshot(_language, Folder, [.. tables]);
        }
    }

    private Task Run(SheetLanguage language, CancellationToken cancellationToken, Action write)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        try
        {
            lock (_gate)
            {
                Directory.CreateDirectory(Folder);
                write();
                _language = language;
            }

            return Task.CompletedTask;
        }
        catch (SheetDeliveryException e)
        {
            return Task.FromException(e);
        }
        catch (UnauthorizedAccessException e)
        {
            return Task.FromException(new SheetDeliveryException($"The {Describe} may not be written: {e.Message}", permanent: true, inner: e));
        }
        catch (IOException e)
        {
            return Task.FromException(new SheetDeliveryException($"The {Describe} could not be written: {e.Message}", permanent: false, inner: e));
        }
    }

    private void Save(string title, SheetLanguage language)
    {
        var (columns, rows) = _tabs[title];
        var text = new StringBuilder(LocalSheetCsv.Line(columns.Select(c => language.Say(c.Header)), language.CsvSeparator));
        foreach (var row in rows)
        {
            text.Append(LocalSheetCsv.Line(row.Select(c => c.Text), language.CsvSeparator));
        }

        LocalSheetFiles.Replace(PathOf(title), text.ToString());
        if (title == SheetTab.Alerts)
        {
            _alertsFileLanguage = language;
        }
    }

    private (IReadOnlyList<SheetColumn> Columns, List<IReadOnlyList<LocalSheetCell>> Rows, SheetLanguage? Language) Load(string title)
    {
        var known = title == SheetTab.Alerts ? SheetLayout.AlertColumns : SheetLayout.StatusColumns;
        IReadOnlyList<SheetColumn> empty = title == SheetTab.History ? [.. known.Take(3)] : known;
        var path = PathOf(title);
        if (LocalSheetFiles.Read(path) is not { } text)
        {
            return (empty, [], null);
        }

        foreach (var language in new[] { SheetLanguage.Portuguese, SheetLanguage.English })
        {
            var records = LocalSheetCsv.Parse(text, language.CsvSeparator);
            if (records.Count > 0 && records[0].Take(3).SequenceEqual(known.Take(3).Select(c => language.Say(c.Header))))
            {
                // History's day columns are the days the file was written for, coloured like the sheet's.
                IReadOnlyList<SheetColumn> columns = title == SheetTab.History
                    ? [.. known.Take(3), .. records[0].Skip(3).Select(day => new SheetColumn(new(day, day), 46, IsToned: true))]
                    : known;
                return (columns, [.. records.Skip(1).Select(r => Row(r, columns, language))], language);
            }
        }

        // Not a file of ours (or a spreadsheet program changed its header): kept aside rather than overwritten.
        File.Move(path, Path.Combine(Folder, $"{Path.GetFileNameWithoutExtension(path)}-unreadable-{DateTime.UtcNow:yyyyMMddHHmmss}.csv"));
        return (empty, [], null);
    }

    private static IReadOnlyList<LocalSheetCell> Row(IReadOnlyList<SheetCell> cells, IReadOnlyList<SheetColumn> columns, SheetLanguage language) =>
        Row([.. cells.Select(c => c.Display(language))], columns, language);

    private static IReadOnlyList<LocalSheetCell> Row(IReadOnlyList<string> texts, IReadOnlyList<SheetColumn> columns, SheetLanguage language) =>
        [.. columns.Select((column, i) => Cell(i < texts.Count ? texts[i] : "", column, language))];

    private static LocalSheetCell Cell(string text, SheetColumn column, SheetLanguage language) =>
        new(text, column.IsToned ? SheetPalette.ToneOf(text, language) : CellTone.None);

    private static string Known(string title) => FileNames.ContainsKey(title)
        ? title
        : throw new SheetDeliveryException($"The local sheet has no tab named \"{title}\".", permanent: true);

    private string PathOf(string title) => Path.Combine(Folder, FileNames[title]);
}
