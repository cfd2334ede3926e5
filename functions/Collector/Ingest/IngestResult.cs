namespace MonitoramentoBKP.Collector.Ingest;

public enum IngestResult
{
    /// <summary>New manifest: archived, judged, state committed (202).</summary>
    Accepted,

    /// <summary>The same run was already applied: nothing changed (200).</summary>
    AlreadyAccepted,

    /// <summary>Refused with a problem (4xx).</summary>
    Refused,
}
