using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Ports;

/// <summary>Each branch's state, status changes and day verdicts, written together or not at all: Table Storage in Azure.</summary>
public interface IBranchStateStore
{
    Task<BranchSnapshot> ReadAsync(string branchId, CancellationToken cancellationToken);

    /// <summary>Whether a manifest run was already applied (a repeat must change nothing).</summary>
    Task<bool> IsAppliedAsync(string branchId, Guid runId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the update (and marks <paramref name="runId"/> applied) in one transaction, only if the branch is
    /// still at <paramref name="snapshot"/>'s version; false when someone got there first (re-read, re-apply).
    /// </summary>
    Task<bool> TryCommitAsync(string branchId, BranchSnapshot snapshot, BranchUpdate update, Guid? runId, CancellationToken cancellationToken);
}
