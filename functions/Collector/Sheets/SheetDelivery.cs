namespace MonitoramentoBKP.Collector.Sheets;

/// <summary>How delivery to the sheet is going, as GET /api/status shows it.</summary>
public sealed record SheetDelivery
{
    public DateTime? LastSuccessUtc { get; init; }

    /// <summary>The last failure's description; null once a delivery succeeds again.</summary>
    public string? Problem { get; init; }

    /// <summary>True when the sheet refused the request itself (permissions, a missing tab): someone must act.</summary>
    public bool Permanent { get; init; }
    public int? StatusCode { get; init; }
    public DateTime? ProblemSinceUtc { get; init; }

    /// <summary>Failed attempts since the last success.</summary>
    public int Failures { get; init; }

    /// <summary>Failed attempts ever, by kind (the counters operators watch).</summary>
    public int PermanentFailuresTotal { get; init; }
    public int TransientFailuresTotal { get; init; }
}
