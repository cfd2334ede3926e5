using System.Collections.Concurrent;
using MonitoramentoBKP.Collector.Notify;
using MonitoramentoBKP.Collector.Ports;

namespace MonitoramentoBKP.Functions.Tests.Support;

/// <summary>
/// The alert channels' ledger in memory, held by one dispatcher at a time like the leased blob, and the summary
/// claims, which can be shared by two ledgers (two deployments racing on one storage's claims).
/// </summary>
public sealed class InMemoryNotifyLedger(ConcurrentDictionary<string, string>? claims = null) : INotifyLedgerStore
{
    private readonly SemaphoreSlim _hold = new(1, 1);

    public ConcurrentDictionary<string, string> Claims { get; } = claims ?? new(StringComparer.Ordinal);
    public NotifyLedger Saved { get; set; } = NotifyLedger.Empty;

    /// <summary>Throws from the n-th next save (1 = the next), to simulate a crash between steps.</summary>
    public int? CrashOnSave { get; set; }

    public async Task<INotifyLease?> TryAcquireAsync(CancellationToken cancellationToken) =>
        await _hold.WaitAsync(0, cancellationToken).ConfigureAwait(false) ? new Lease(this) : null;

    public Task<NotifyLedger> PeekAsync(CancellationToken cancellationToken) => Task.FromResult(Saved);

    public Task<bool> TryClaimSummaryAsync(string routeId, DateOnly day, string claim, CancellationToken cancellationToken) =>
        Task.FromResult(Claims.GetOrAdd($"{routeId}/{day:yyyy-MM-dd}", claim) == claim);

    public RouteLedger Route(string id) => Saved.Routes[id];

    private sealed class Lease(InMemoryNotifyLedger owner) : INotifyLease
    {
        public CancellationToken Lost => CancellationToken.None;

        public Task<NotifyLedger> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(owner.Saved);

        public Task SaveAsync(NotifyLedger ledger, CancellationToken cancellationToken)
        {
            if (owner.CrashOnSave is { } n)
            {
                owner.CrashOnSave = n <= 1 ? null : n - 1;
                if (n <= 1)
                {
                    throw new InvalidOperationException("Simulated crash while saving the channels' ledger.");
                }
            }

            owner.Saved = ledger;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            owner._hold.Release();
            return ValueTask.CompletedTask;
        }
    }
}
