using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.Probe.Update;

/// <summary>Everything <see cref="Updater"/> needs to know about this probe, gathered by the command that runs it.</summary>
public sealed record UpdateSettings
{
    public required Uri Collector { get; init; }
    public required string Channel { get; init; }

    /// <summary>The runtime whose file is taken from a release (<see cref="UpdateRuntime.Current"/>).</summary>
    public required string Runtime { get; init; }

    public required ProgramFolder Program { get; init; }
    public required string StateDirectory { get; init; }

    /// <summary>probe.json, which the staged version's self-test loads.</summary>
    public required string ConfigPath { get; init; }

    public required string RunningVersion { get; init; }
    public required ReleaseKeyRing Keys { get; init; }

    /// <summary>True when <c>run</c> installs: the <c>recover</c> right after that run is not counted against the new version.</summary>
    public bool SkipNextRecover { get; init; }

    public TimeSpan CheckTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromMinutes(10);
    public TimeSpan SelfTestTimeout { get; init; } = SelfTestRunner.DefaultTimeout;
}
