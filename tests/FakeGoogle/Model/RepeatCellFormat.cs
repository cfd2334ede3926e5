using System.Text.Json.Nodes;

namespace MonitoramentoBKP.FakeGoogle.Model;

/// <summary>
/// One repeatCell as applied: kept as given rather than spread over cells, so an open-ended range still covers rows
/// added later and the effective format of a cell is the fold of every repeatCell that covers it, in order.
/// </summary>
internal sealed record RepeatCellFormat(GridBounds Range, FieldMask Mask, JsonObject Cell);
