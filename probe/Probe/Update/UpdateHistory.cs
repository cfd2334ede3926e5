namespace MonitoramentoBKP.Probe.Update;

/// <summary>
/// What this probe has accepted and refused for good, <c>release-history.json</c> in the state folder: the highest
/// release version ever put in place (a release not newer is a rollback and refused) and the versions that failed
/// their self-test or were rolled back (never installed again).
/// </summary>
public sealed record UpdateHistory
{
    public const string FileName = "release-history.json";

    public string? HighestAccepted { get; init; }

    public IReadOnlyList<string> BadVersions { get; init; } = [];
}
