namespace MonitoramentoBKP.Collector.Reading;

/// <summary>One cell of the history grid: a local business day and that day's verdict ("Closed" on closed days).</summary>
public sealed record DayView(DateOnly Day, string Verdict);
