using MonitoramentoBKP.Collector.Domain;

namespace MonitoramentoBKP.Collector.Ingest;

/// <summary>
/// How an ingest ended. Expected refusals are values with an HTTP status and a problem-details title and detail
/// that say what was wrong; the function only maps them.
/// </summary>
public sealed record IngestOutcome
{
    public required IngestResult Result { get; init; }
    public required int StatusCode { get; init; }
    public string? ProblemType { get; init; }
    public string? Title { get; init; }
    public string? Detail { get; init; }
    public string? BranchId { get; init; }
    public Guid? RunId { get; init; }
    public IReadOnlyDictionary<string, SetStatus> Statuses { get; init; } = new Dictionary<string, SetStatus>();

    public static IngestOutcome Refused(int status, string type, string title, string detail) => new()
    {
        Result = IngestResult.Refused,
        StatusCode = status,
        ProblemType = $"https://monitoramentobkp.example/problems/{type}",
        Title = title,
        Detail = detail,
    };
}
