using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.LocalHost.LocalSheet;

/// <summary>A cell as the local sheet shows it: the text a person reads and the colour the Google sheet would give it.</summary>
public sealed record LocalSheetCell(string Text, CellTone Tone);
