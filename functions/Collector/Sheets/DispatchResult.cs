namespace MonitoramentoBKP.Collector.Sheets;

/// <summary>What one dispatch did.</summary>
public sealed record DispatchResult
{
    public static readonly DispatchResult Busy = new() { WasBusy = true };

    /// <summary>Another dispatcher held the ledger; it will deliver what this one would have.</summary>
    public bool WasBusy { get; init; }
    public int ChangesDelivered { get; init; }
    public int AlertsAppended { get; init; }

    /// <summary>Rows of an uncertain earlier attempt found already in the sheet, so not sent again.</summary>
    public int AlertsAlreadyThere { get; init; }
    public bool StatusRewritten { get; init; }
    public bool HistoryRewritten { get; init; }
    public SheetDelivery? Problem { get; init; }
}
