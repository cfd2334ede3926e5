namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>How the collector answered one POST /api/manifests: status 0 when no answer came at all.</summary>
public sealed record PostOutcome
{
    public required ProbeUpload Upload { get; init; }
    public required int Status { get; init; }
    public required double LatencyMs { get; init; }

    /// <summary>The answer named this branch and run, and said accepted (202) or already accepted (200).</summary>
    public bool Accepted { get; init; }
    public bool AlreadyAccepted { get; init; }
    public bool EchoMatches { get; init; }

    /// <summary>Statuses the collector judged, by set (on 202).</summary>
    public IReadOnlyDictionary<string, string> Statuses { get; init; } = new Dictionary<string, string>();

    /// <summary>The problem title and detail, or the exception, when it went wrong.</summary>
    public string? Error { get; init; }

    /// <summary>The problem-details type of a refusal (".../problems/too-large").</summary>
    public string? ProblemType { get; init; }

    /// <summary>What the Retry-After header asked for, in seconds (the collector sends it with every 503).</summary>
    public double? RetryAfterSeconds { get; init; }
}
