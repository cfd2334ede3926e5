using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Ports;

/// <summary>
/// Which branches have status changes not yet delivered to the sheet. The change rows themselves live in each
/// branch's partition, written in the same transaction as the state; a branch is marked before its commit (so a
/// crash leaves a mark too many, never too few) and again after it (so a dispatcher that read the mark before the
/// commit cannot clear it: clearing is conditional on the version read).
/// </summary>
public interface IOutbox
{
    Task MarkAsync(string branchId, CancellationToken cancellationToken);

    Task<IReadOnlyList<OutboxMark>> MarkedAsync(CancellationToken cancellationToken);

    /// <summary>The branch's status changes not yet delivered, oldest first.</summary>
    Task<IReadOnlyList<StatusChange>> UndeliveredAsync(string branchId, CancellationToken cancellationToken);

    Task MarkDeliveredAsync(string branchId, IReadOnlyCollection<string> changeIds, CancellationToken cancellationToken);

    /// <summary>
    /// Branches with undelivered changes, found by reading every change row (slow; run now and then): the one case
    /// marks cannot cover is a process that died between its commit and the mark after it, with a dispatcher
    /// having cleared the mark before.
    /// </summary>
    Task<IReadOnlyList<string>> ScanUndeliveredAsync(CancellationToken cancellationToken);

    /// <summary>Removes the mark unless it was set again since it was read; false when it was.</summary>
    Task<bool> UnmarkAsync(OutboxMark mark, CancellationToken cancellationToken);
}
