using MonitoramentoBKP.Collector.Domain;

namespace MonitoramentoBKP.Collector.State;

/// <summary>
/// A set's status flipped. Stored in the same transaction as the new state, so it is the outbox alerts are
/// made from: never missed, never twice. <see cref="Notify"/> is false for a first OK (nothing to tell).
/// </summary>
public sealed record StatusChange
{
    public required string ChangeId { get; init; }
    public required string BranchId { get; init; }
    public required string SetId { get; init; }
    public required SetStatus Old { get; init; }
    public required SetStatus New { get; init; }
    public required IReadOnlyList<FindingRecord> Reasons { get; init; }
    public required DateTime AtUtc { get; init; }
    public Guid? RunId { get; init; }
    public required bool Notify { get; init; }

    /// <summary>How long the previous status lasted (for "resolved after 2 days").</summary>
    public TimeSpan? PreviousLasted { get; init; }

    /// <summary>Set when ops acknowledged the set's altered backups: who and why, for the alert log (the status may stay the same).</summary>
    public FindingRecord? Acknowledgement { get; init; }

    /// <summary>Set when a silence began or ended on the set (the status stays the same): for the alert log, and at its end to announce what is still wrong.</summary>
    public Silencing.SilenceNote? Silence { get; init; }
}
