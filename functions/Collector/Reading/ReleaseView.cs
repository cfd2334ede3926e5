namespace MonitoramentoBKP.Collector.Reading;

/// <summary>A published release as <c>GET api/status</c> shows it: its rollout and how many branches run it and are offered it.</summary>
public sealed record ReleaseView
{
    public required string Channel { get; init; }
    public required string Version { get; init; }
    public required int Percent { get; init; }
    public required IReadOnlyList<string> Pilots { get; init; }
    public required bool Pulled { get; init; }
    public required DateTime PublishedUtc { get; init; }
    public required DateTime ExpiresUtc { get; init; }
    public required int BranchesOffered { get; init; }
    public required int BranchesRunning { get; init; }
}
