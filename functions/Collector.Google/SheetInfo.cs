namespace MonitoramentoBKP.Collector.Google;

/// <summary>What the writer knows of one tab of the spreadsheet.</summary>
internal sealed record SheetInfo(int SheetId, int RowCount, int ColumnCount, int ConditionalFormats);
