namespace MonitoramentoBKP.Collector.Ports;

/// <summary>
/// One scheduled look by the sweep: a set whose next slot plus grace falls due at <see cref="DueUtc"/>, or (with
/// <see cref="SetId"/> null) the moment a branch that stays quiet becomes SILENT.
/// </summary>
public sealed record DueEntry(string BranchId, string? SetId, DateTime DueUtc);
