using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Functions.Sheets;

/// <summary>
/// The writer when no Google spreadsheet is configured in Azure: every write is refused with what to set, so the
/// status endpoint shows it, and the outbox keeps every alert until the sheet is configured.
/// </summary>
public sealed class UnconfiguredSheetWriter : ISheetWriter
{
    private const string Missing = "No Google spreadsheet is configured: set GoogleSpreadsheetId and GoogleServiceAccountKey (alerts wait in the outbox meanwhile).";

    public string Describe => "no sheet configured";

    public Task InitAsync(IReadOnlyList<SheetTab> layout, SheetLanguage language, CancellationToken cancellationToken) => throw Refusal();

    public Task RewriteAsync(SheetTab tab, SheetLanguage language, CancellationToken cancellationToken) => throw Refusal();

    public Task<IReadOnlySet<string>> AlertIdsAsync(CancellationToken cancellationToken) => throw Refusal();

    public Task AppendAlertsAsync(SheetTab rows, SheetLanguage language, CancellationToken cancellationToken) => throw Refusal();

    private static SheetDeliveryException Refusal() => new(Missing, permanent: true);
}
