namespace MonitoramentoBKP.Collector.Ingest;

/// <summary>Raised inside a read when no place for a large manifest came free in time; the reader turns it into a 503 with Retry-After.</summary>
public sealed class CollectorBusyException(string detail) : Exception(detail);
