namespace MonitoramentoBKP.Probe.Update;

/// <summary>Where an update stands in <c>update.json</c>; the two phases in the middle of a rename are completed or undone by the next start.</summary>
public enum UpdatePhase
{
    /// <summary>The executables are being renamed: the current one to previous, the staged one to current.</summary>
    Swapping,

    /// <summary>The new version is in place and has not yet completed a scheduled run; <c>recover</c> watches it.</summary>
    Trial,

    /// <summary>The new version completed a run: the update is done (the previous version is kept beside it).</summary>
    Confirmed,

    /// <summary>The previous version is being put back: current to failed, previous to current.</summary>
    RollingBack,

    /// <summary>The new version failed its runs and the previous one is back in place.</summary>
    RolledBack,
}
