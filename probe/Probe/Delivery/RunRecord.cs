namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>One <c>run</c> as <c>bkp-probe status</c> shows it: when, which manifest, and how its delivery ended.</summary>
public sealed record RunRecord
{
    public required DateTime FinishedUtc { get; init; }
    public required Guid RunId { get; init; }

    /// <summary>The version that ran; <c>recover</c> reads it to tell whether a version on trial completed a run. Absent in records of versions before updates.</summary>
    public string? ProbeVersion { get; init; }
    public required int ExitCode { get; init; }

    /// <summary>"delivered", "not-delivered", "refused" or "not-spooled".</summary>
    public required string Outcome { get; init; }

    public int Delivered { get; init; }
    public int LeftUnsent { get; init; }

    /// <summary>What the collector or the network said, when it did not go well.</summary>
    public string? Detail { get; init; }
}
