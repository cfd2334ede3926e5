namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>One load of the bombs scenario: what is sent (rounds of concurrent requests, in order) and which answers are right for it.</summary>
public sealed record BombLoad
{
    /// <summary>Short name, as the console line's tag: "whitespace", "honest".</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The requests, round after round: <see cref="BombScenario.Concurrent"/> per round, sent at once.</summary>
    public required IReadOnlyList<ProbeUpload> Requests { get; init; }

    /// <summary>The answers this load may get (503 only with Retry-After); anything else, a 500 above all, is a failure.</summary>
    public required IReadOnlySet<int> Expected { get; init; }

    /// <summary>The reference load (real manifests): what normal costs, beside the bombs.</summary>
    public bool Honest { get; init; }

    /// <summary>Files in one body, when it is a file list.</summary>
    public int? FilesPerBody { get; init; }
}
