using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>One manifest as a probe delivers it, with what the collector's state must show once it is the branch's newest.</summary>
public sealed record ProbeUpload
{
    public required string BranchId { get; init; }
    public required Guid RunId { get; init; }
    public required DateTime FinishedUtc { get; init; }

    /// <summary>The run's local business day: the cell of the day grid this manifest fills.</summary>
    public required DateOnly LocalDay { get; init; }

    /// <summary>The manifest JSON, gzip-compressed as the probe sends it.</summary>
    public required byte[] Body { get; init; }

    public required int JsonBytes { get; init; }

    /// <summary>Each set's newest backup file in this manifest, by set id.</summary>
    public required IReadOnlyDictionary<string, FileReport> Newest { get; init; }
}
