namespace MonitoramentoBKP.Collector.Sheets;

/// <summary>The managers' sheet as GET /api/status shows it: where it is written, when it last was, what waits, and any delivery problem.</summary>
public sealed record SheetStatusView
{
    public required string Target { get; init; }
    public DateTime? LastDeliveredUtc { get; init; }

    /// <summary>Branches with status changes not yet delivered.</summary>
    public int BranchesWaiting { get; init; }

    /// <summary>Alert rows planned but not yet confirmed in the sheet.</summary>
    public int AlertsInFlight { get; init; }

    /// <summary>The current delivery problem, or null when the last dispatch succeeded.</summary>
    public string? Problem { get; init; }

    /// <summary>True when the sheet refused the request (a 4xx other than 429): it will not fix itself.</summary>
    public bool Permanent { get; init; }
    public int? StatusCode { get; init; }
    public DateTime? ProblemSinceUtc { get; init; }
    public int FailuresInARow { get; init; }
    public int PermanentFailuresTotal { get; init; }
    public int TransientFailuresTotal { get; init; }
}
