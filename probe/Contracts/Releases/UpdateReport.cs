namespace MonitoramentoBKP.Contracts.Releases;

/// <summary>
/// The probe's latest update event, sent in every manifest until a newer one replaces it, so the collector learns
/// of an update, a refusal or a rollback even when the run that saw it could not deliver.
/// </summary>
[System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
public sealed record UpdateReport
{
    public required UpdateOutcome Outcome { get; init; }

    /// <summary>The release the event is about.</summary>
    public required string Version { get; init; }

    /// <summary>The version that was running before (for <see cref="UpdateOutcome.RolledBack"/>, the one restored).</summary>
    public string? PreviousVersion { get; init; }

    /// <summary>When it happened, on the probe's clock.</summary>
    public required DateTime AtUtc { get; init; }

    /// <summary>What went wrong, in English, for ops (the collector words it for managers from <see cref="Outcome"/>).</summary>
    public string? Detail { get; init; }
}
