namespace MonitoramentoBKP.Collector.Ports;

/// <summary>A branch with changes to deliver, and the version of its mark as read.</summary>
public sealed record OutboxMark(string BranchId, string Version);
