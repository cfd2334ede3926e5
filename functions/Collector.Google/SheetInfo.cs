using System.Text.Json.Nodes;

namespace MonitoramentoBKP.Collector.Google;

/// <summary>What the writer knows of one tab of the spreadsheet: its id, its title as the spreadsheet spells it, its grid, and its conditional format rules in priority order.</summary>
internal sealed record SheetInfo(int SheetId, string Title, int RowCount, int ColumnCount, IReadOnlyList<JsonObject> ConditionalFormats);
