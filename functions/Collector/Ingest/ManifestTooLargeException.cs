namespace MonitoramentoBKP.Collector.Ingest;

/// <summary>Raised inside a read when the manifest passes a cap; the reader turns it into a 413 that says which.</summary>
public sealed class ManifestTooLargeException(string detail) : Exception(detail);
