using MonitoramentoBKP.Collector.Silencing;

namespace MonitoramentoBKP.Collector.Admin;

/// <summary>How a silence request ended: 200 with the silence as it now stands, or a problem (4xx, 503).</summary>
public sealed record SilenceOutcome
{
    public required int StatusCode { get; init; }
    public string? ProblemType { get; init; }
    public string? Title { get; init; }
    public string? Detail { get; init; }
    public int? RetryAfterSeconds { get; init; }
    public BranchSilence? Silence { get; init; }

    public static SilenceOutcome Refused(int status, string type, string title, string detail) => new()
    {
        StatusCode = status,
        ProblemType = $"https://monitoramentobkp.example/problems/{type}",
        Title = title,
        Detail = detail,
    };
}
