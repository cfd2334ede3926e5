namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>One spool entry's delivery; for a refused one, where it was set aside (null when it could not be moved).</summary>
public sealed record SpoolSent(SpoolEntry Entry, DeliveryResult Result, string? SetAsideTo);
