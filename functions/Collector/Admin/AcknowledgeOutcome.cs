using MonitoramentoBKP.Collector.Domain;

namespace MonitoramentoBKP.Collector.Admin;

/// <summary>How an acknowledgement ended: 200 with the set's status now and how many files it covered, or a problem (4xx, 503).</summary>
public sealed record AcknowledgeOutcome
{
    public required int StatusCode { get; init; }
    public string? ProblemType { get; init; }
    public string? Title { get; init; }
    public string? Detail { get; init; }
    public int? RetryAfterSeconds { get; init; }
    public SetStatus? Status { get; init; }
    public int FilesAcknowledged { get; init; }

    public static AcknowledgeOutcome Refused(int status, string type, string title, string detail) => new()
    {
        StatusCode = status,
        ProblemType = $"https://monitoramentobkp.example/problems/{type}",
        Title = title,
        Detail = detail,
    };
}
