using MonitoramentoBKP.Collector.Notify;
using MonitoramentoBKP.Collector.Ports;

namespace MonitoramentoBKP.Collector.Silencing;

/// <summary>Silences as the branch's state records them and as the registry sets them (see <see cref="Silences.Covers"/>).</summary>
public sealed class StoredSilences(IBranchDirectory directory, IBranchStateStore store) : IAlertSilences
{
    public async ValueTask<bool> IsSilencedAsync(string branchId, string setId, DateTime atUtc, CancellationToken cancellationToken)
    {
        var branch = await directory.FindAsync(branchId, cancellationToken).ConfigureAwait(false);
        var snapshot = await store.ReadAsync(branchId, cancellationToken).ConfigureAwait(false);
        return Silences.Covers(branch, snapshot.Contact, setId, atUtc);
    }
}
