namespace MonitoramentoBKP.Collector.Sheets;

/// <summary>A status change row, by branch and change id.</summary>
public sealed record ChangeRef(string BranchId, string ChangeId);
