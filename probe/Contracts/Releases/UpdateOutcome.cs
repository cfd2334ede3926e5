namespace MonitoramentoBKP.Contracts.Releases;

/// <summary>How an update ended; written in camelCase on the wire.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(CamelCaseEnumConverter<UpdateOutcome>))]
public enum UpdateOutcome
{
    /// <summary>The new version is in place and ran a scheduled run to the end.</summary>
    Updated,

    /// <summary>The release was refused before anything was installed (signature, expiry, rollback, channel, runtime, download).</summary>
    Refused,

    /// <summary>The downloaded version failed its self-test and was never put in place.</summary>
    SelfTestFailed,

    /// <summary>The new version failed its scheduled runs and the previous one was put back.</summary>
    RolledBack,
}
