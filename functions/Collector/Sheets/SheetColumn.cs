using MonitoramentoBKP.Collector.Localization;

namespace MonitoramentoBKP.Collector.Sheets;

/// <summary>A column of a tab: its header in both languages, its width in pixels, and whether its cells hold moments or are coloured by their text.</summary>
public sealed record SheetColumn(Text Header, int Width, bool IsMoment = false, bool IsToned = false);
