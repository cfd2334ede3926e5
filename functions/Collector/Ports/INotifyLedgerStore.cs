using MonitoramentoBKP.Collector.Notify;

namespace MonitoramentoBKP.Collector.Ports;

/// <summary>
/// The alert channels' ledger (<see cref="NotifyLedger"/>), held by one dispatcher at a time (a blob lease in
/// Azure), and the daily summaries' claims: one record per route and day, written only if absent, so a summary is
/// sent once even by two instances or across a lost lease.
/// </summary>
public interface INotifyLedgerStore
{
    /// <summary>The ledger, exclusively; null when another dispatcher holds it.</summary>
    Task<INotifyLease?> TryAcquireAsync(CancellationToken cancellationToken);

    /// <summary>The ledger as last saved, without taking it (for the status endpoint).</summary>
    Task<NotifyLedger> PeekAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Claims the route's summary of <paramref name="day"/> for <paramref name="claim"/> (a token fixed when the
    /// summary was planned). True when this call wrote the claim or the claim is already this token's; false when
    /// someone else claimed that day.
    /// </summary>
    Task<bool> TryClaimSummaryAsync(string routeId, DateOnly day, string claim, CancellationToken cancellationToken);
}
