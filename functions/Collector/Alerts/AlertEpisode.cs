using System.Text.Json.Serialization;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Alerts;

/// <summary>
/// What the alert log has told about one set: the open incident (if any), the worst status announced in it, when
/// its last row was written (for the daily reminder), and, after a recovery, a failure held back because it came
/// within the flap window of that recovery.
/// </summary>
public sealed record AlertEpisode
{
    public required string BranchId { get; init; }
    public required string SetId { get; init; }

    /// <summary>The open incident's id prefix ("F003/sql/20261130-140500"); null when nothing is open.</summary>
    public string? IncidentId { get; init; }
    public DateTime? OpenedUtc { get; init; }
    public int RowsWritten { get; init; }

    /// <summary>Worst status announced in the open incident.</summary>
    public SetStatus Announced { get; init; }

    /// <summary>The set's status as of the last change seen.</summary>
    public SetStatus Current { get; init; }
    public IReadOnlyList<FindingRecord> CurrentReasons { get; init; } = [];
    public DateTime? LastRowUtc { get; init; }

    /// <summary>When the last incident was announced resolved (the flap window starts there).</summary>
    public DateTime? ResolvedUtc { get; init; }

    /// <summary>A failure that came within the flap window after a recovery: announced only if it is still there when the window ends.</summary>
    public DateTime? HeldSinceUtc { get; init; }
    public SetStatus Previous { get; init; }

    [JsonIgnore]
    public bool IsOpen => IncidentId is not null;

    [JsonIgnore]
    public string Key => KeyOf(BranchId, SetId);

    public static string KeyOf(string branchId, string setId) => $"{branchId.ToUpperInvariant()}/{setId}";
}
