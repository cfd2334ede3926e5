namespace MonitoramentoBKP.ReleaseTool.Publishing;

/// <summary>
/// The body of the collector's admin <c>POST api/releases/{channel}</c>: publish an uploaded version to a share of
/// the branches (and always to the pilots), raise that share, or pull it.
/// </summary>
public sealed record RolloutRequest
{
    public required string Version { get; init; }

    /// <summary>0 to 100: the share of branches, chosen deterministically per branch and version, that get it.</summary>
    public required int Percent { get; init; }

    public required IReadOnlyList<string> Pilots { get; init; }

    /// <summary>True: no branch is offered this version any more (probes already on it keep it).</summary>
    public required bool Pulled { get; init; }
}
