namespace MonitoramentoBKP.Probe.Update;

/// <summary>How one look for an update ended.</summary>
public enum UpdateStatus
{
    /// <summary>The collector has no release for this branch (204).</summary>
    NothingOffered,

    /// <summary>The release offered is the version running.</summary>
    AlreadyCurrent,

    /// <summary>The release offered failed here before (self-test or rollback) and is not installed again.</summary>
    KnownBad,

    /// <summary>The collector or the file could not be fetched; nothing is reported, the next run tries again.</summary>
    Unreachable,

    /// <summary>The release or its download was refused (reported in the next manifest).</summary>
    Refused,

    /// <summary>The downloaded version failed its self-test (reported, and never installed).</summary>
    SelfTestFailed,

    /// <summary>Check only: a valid, newer release is offered.</summary>
    Available,

    /// <summary>The new version is in place, on trial.</summary>
    Installed,

    /// <summary>The update could not be done on this machine (disk, permissions); the version in place stays.</summary>
    Failed,
}
