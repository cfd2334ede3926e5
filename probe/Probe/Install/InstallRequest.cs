using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Scheduling;

namespace MonitoramentoBKP.Probe.Install;

/// <summary>What <c>bkp-probe install</c> was asked to do, every option checked (<see cref="InstallArguments"/>).</summary>
public sealed record InstallRequest
{
    public required Uri Collector { get; init; }

    public required string BranchId { get; init; }

    /// <summary>The one-time enrollment token; without it the probe is installed and scheduled, and enrolls later.</summary>
    public string? Token { get; init; }

    public required TaskAccount Account { get; init; }

    public required ProbeSchedule Schedule { get; init; }

    /// <summary>Replace the identity of an earlier install with a new key (needs a token).</summary>
    public bool Reenroll { get; init; }

    public bool DryRun { get; init; }

    public required TargetOs Os { get; init; }

    /// <summary>Tests only: a folder that prefixes every path, so nothing outside it changes.</summary>
    public string? Root { get; init; }

    public required Language Language { get; init; }

    /// <summary>Whether --lang was given, and so goes into probe.json.</summary>
    public bool LanguageGiven { get; init; }
}
