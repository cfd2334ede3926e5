namespace MonitoramentoBKP.Collector.Sheets;

/// <summary>The colour a cell shows: green for good, amber for a warning, red for a failure, grey for a closed day.</summary>
public enum CellTone
{
    None,
    Good,
    Warning,
    Bad,
    Muted,
}
