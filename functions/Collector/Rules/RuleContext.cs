using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Rules;

/// <summary>Everything a rule may look at: the policy, the set as this run saw it, the set's history, and the times involved.</summary>
public sealed record RuleContext
{
    public required BackupSetPolicy Policy { get; init; }
    public required Manifest Manifest { get; init; }

    /// <summary>The set as the manifest reports it; null when the probe did not report this set at all.</summary>
    public required BackupSetReport? Set { get; init; }

    public SetHistory History { get; init; } = SetHistory.Empty;

    /// <summary>When the collector received the manifest.</summary>
    public required DateTime ReceivedUtc { get; init; }

    /// <summary>How far ahead (positive) or behind the probe's clock was when it sent the manifest (see <see cref="State.ProbeClock"/>).</summary>
    public TimeSpan ClockSkew { get; init; }

    /// <summary>A time the probe reported (a file's last write), on the collector's clock.</summary>
    /// <remarks>
    /// Never after the run that saw it: a file written while the clock was fast keeps its future time after the clock
    /// is fixed, and must not look fresh to the schedule for that long.
    /// </remarks>
    public DateTime OnCollectorClock(DateTime probeUtc) => State.ProbeClock.Correct(probeUtc, ClockSkew) is var t && t > JudgedAtUtc ? JudgedAtUtc : t;

    /// <summary>
    /// The moment the manifest is judged at: its own run time (already on the collector's clock, see
    /// <see cref="State.ProbeClock.Corrected"/>), so a late manifest is judged as of then; never after its receipt.
    /// </summary>
    public DateTime JudgedAtUtc => Manifest.FinishedUtc <= ReceivedUtc ? Manifest.FinishedUtc : ReceivedUtc;

    /// <summary>Files that are backups: read completely (no error), newest first.</summary>
    public IReadOnlyList<FileReport> Backups => _backups ??= (Set?.Files ?? [])
        .Where(f => f.Error is null && f.Sha256 is not null)
        .OrderByDescending(f => f.LastWriteUtc)
        .ThenBy(f => f.Path, StringComparer.Ordinal)
        .ToList();

    public FileReport? Newest => Backups.Count > 0 ? Backups[0] : null;

    private IReadOnlyList<FileReport>? _backups;
}
