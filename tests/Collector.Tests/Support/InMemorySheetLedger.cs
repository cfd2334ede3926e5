using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Tests.Support;

/// <summary>The sheet ledger in memory, held by one dispatcher at a time like the leased blob.</summary>
public sealed class InMemorySheetLedger : ISheetLedgerStore
{
    private readonly SemaphoreSlim _hold = new(1, 1);

    public SheetLedger Saved { get; set; } = SheetLedger.Empty;
    public int Saves { get; private set; }

    /// <summary>Throws from the n-th next save (1 = the next), to simulate a crash between steps.</summary>
    public int? CrashOnSave { get; set; }

    public async Task<ISheetLease?> TryAcquireAsync(CancellationToken cancellationToken) =>
        await _hold.WaitAsync(0, cancellationToken).ConfigureAwait(false) ? new Lease(this) : null;

    public Task<SheetLedger> PeekAsync(CancellationToken cancellationToken) => Task.FromResult(Saved);

    private sealed class Lease(InMemorySheetLedger owner) : ISheetLease
    {
        public CancellationToken Lost => CancellationToken.None;

        public Task<SheetLedger> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(owner.Saved);

        public Task SaveAsync(SheetLedger ledger, CancellationToken cancellationToken)
        {
            if (owner.CrashOnSave is { } n)
            {
                owner.CrashOnSave = n <= 1 ? null : n - 1;
                if (n <= 1)
                {
                    throw new InvalidOperationException("Simulated crash while saving the sheet ledger.");
                }
            }

            owner.Saved = ledger;
            owner.Saves++;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            owner._hold.Release();
            return ValueTask.CompletedTask;
        }
    }
}
