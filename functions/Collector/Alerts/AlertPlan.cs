namespace MonitoramentoBKP.Collector.Alerts;

/// <summary>The rows to append to the alert log and every set's episode after them.</summary>
public sealed record AlertPlan(IReadOnlyList<AlertRow> Rows, IReadOnlyDictionary<string, AlertEpisode> Episodes);
