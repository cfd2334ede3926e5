namespace MonitoramentoBKP.Probe.Update;

/// <summary>
/// The update journal, <c>update.json</c> in the state folder: written (atomically) before each step that renames an
/// executable, so a probe killed at any point of a swap or a rollback finds in it what was being done and completes
/// or undoes it (<see cref="ProgramSwap.Recover"/>). Kept after the update ends, for <c>bkp-probe status</c>.
/// </summary>
public sealed record UpdateJournal
{
    public const string FileName = "update.json";

    public required UpdatePhase Phase { get; init; }

    /// <summary>The version being installed (or on trial, or rolled back).</summary>
    public required string Version { get; init; }

    /// <summary>The version that was running before, kept as <c>bkp-probe.previous</c>.</summary>
    public required string PreviousVersion { get; init; }

    public required DateTime StartedUtc { get; init; }

    /// <summary>When the new version was put in place; its runs from then on decide the trial.</summary>
    public DateTime? TrialStartedUtc { get; init; }

    /// <summary>Scheduled runs since the trial began in which the new version delivered nothing.</summary>
    public int FailedRuns { get; init; }

    /// <summary>
    /// Set when <c>run</c> itself put the new version in place: the <c>recover</c> the schedule starts right after that
    /// same run is not a run of the new version, and is not counted.
    /// </summary>
    public bool SkipNextRecover { get; init; }

    public DateTime? EndedUtc { get; init; }

    /// <summary>Why a rollback happened, in English, for the report it ends with.</summary>
    public string? Detail { get; init; }

    public static string PathIn(string stateDirectory) => Path.Combine(stateDirectory, FileName);
}
