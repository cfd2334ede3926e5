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

    /// <summary>With a 503: when to try again (the Retry-After header, in seconds).</summary>
    public int? RetryAfterSeconds { get; init; }

    public static IngestOutcome Refused(int status, string type, string title, string detail) => new()
    {
        Result = IngestResult.Refused,
        StatusCode = status,
        ProblemType = $"https://monitoramentobkp.example/problems/{type}",
        Title = title,
        Detail = detail,
    };

    /// <summary>The collector is busy (too many large manifests, or this branch's manifests queued too long): 503, try again later.</summary>
    public static IngestOutcome Busy(int retryAfterSeconds, string detail) =>
        Refused(503, "busy", "Collector busy", detail) with { RetryAfterSeconds = retryAfterSeconds };
}
