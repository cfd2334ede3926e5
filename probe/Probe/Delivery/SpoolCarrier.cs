namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>A spool entry whose manifest carries the drop record as it was when the entry was written: the first <paramref name="Count"/> drops.</summary>
public sealed record SpoolCarrier(string Entry, int Count);
