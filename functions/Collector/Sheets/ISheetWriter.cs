namespace MonitoramentoBKP.Collector.Sheets;

/// <summary>
/// Where the managers' sheet is written: the Google spreadsheet in production, the local sheet (an HTML page and CSV
/// files) on a developer's machine. Failures are <see cref="SheetDeliveryException"/>s.
/// </summary>
public interface ISheetWriter
{
    /// <summary>A short name for logs and the status endpoint ("Google spreadsheet 1AbC…", "local sheet at ./local-sheet").</summary>
    string Describe { get; }

    /// <summary>Creates or repairs the three tabs: titles, header rows, frozen bold headers, widths, date formats, colours. Idempotent.</summary>
    Task InitAsync(IReadOnlyList<SheetTab> layout, SheetLanguage language, CancellationToken cancellationToken);

    /// <summary>Replaces a tab's header and rows as a whole (Status, Histórico).</summary>
    Task RewriteAsync(SheetTab tab, SheetLanguage language, CancellationToken cancellationToken);

    /// <summary>The alert ids already in the Alertas tab's first column (to skip rows an uncertain earlier append did write).</summary>
    Task<IReadOnlySet<string>> AlertIdsAsync(CancellationToken cancellationToken);

    /// <summary>Appends rows under the Alertas tab's last row (not idempotent: callers de-duplicate by alert id first).</summary>
    Task AppendAlertsAsync(SheetTab rows, SheetLanguage language, CancellationToken cancellationToken);
}
