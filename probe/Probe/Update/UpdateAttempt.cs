namespace MonitoramentoBKP.Probe.Update;

/// <summary>What <see cref="Updater.RunAsync"/> did: its status, the release's version when one was read, and an English detail.</summary>
public sealed record UpdateAttempt(UpdateStatus Status, string? Version = null, string? Detail = null);
