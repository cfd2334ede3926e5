using MonitoramentoBKP.Collector.Domain;

namespace MonitoramentoBKP.Collector.State;

/// <summary>One set's verdict for one local business day: the verdict of that day's latest run (the history grid's cell).</summary>
public sealed record DayVerdict(string SetId, DateOnly Day, SetStatus Status, DateTime RunUtc);
