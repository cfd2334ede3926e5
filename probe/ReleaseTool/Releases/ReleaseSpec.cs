namespace MonitoramentoBKP.ReleaseTool.Releases;

/// <summary>What <c>bkp-release sign</c> was asked to cut: already validated (<see cref="ReleaseNames"/>, <see cref="ReleaseFileSource"/>).</summary>
public sealed record ReleaseSpec
{
    public required string Version { get; init; }
    public required string Channel { get; init; }

    /// <summary>How long after publication probes still accept the document.</summary>
    public required TimeSpan ValidFor { get; init; }

    public required IReadOnlyList<ReleaseFileSource> Files { get; init; }

    /// <summary>The release folder to create: <c>release.json</c> and the files under their release names.</summary>
    public required string OutputDirectory { get; init; }
}
