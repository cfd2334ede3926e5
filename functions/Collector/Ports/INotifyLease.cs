using MonitoramentoBKP.Collector.Notify;

namespace MonitoramentoBKP.Collector.Ports;

/// <summary>Exclusive hold on the alert channels' ledger; released on dispose.</summary>
public interface INotifyLease : IAsyncDisposable
{
    /// <summary>Cancelled when the hold is lost: whoever holds the ledger then may be sending.</summary>
    CancellationToken Lost { get; }

    Task<NotifyLedger> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Saves the ledger (and extends the hold); throws when the hold was lost.</summary>
    Task SaveAsync(NotifyLedger ledger, CancellationToken cancellationToken);
}
