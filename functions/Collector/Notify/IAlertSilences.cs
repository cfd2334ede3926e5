namespace MonitoramentoBKP.Collector.Notify;

/// <summary>
/// Whether a branch's set is silenced (maintenance) at a moment: its alerts are still judged, stored and written to
/// the sheet, but sent on no channel (see <see cref="Silencing.StoredSilences"/>).
/// </summary>
public interface IAlertSilences
{
    ValueTask<bool> IsSilencedAsync(string branchId, string setId, DateTime atUtc, CancellationToken cancellationToken);
}
