namespace MonitoramentoBKP.Collector.Notify;

/// <summary>Nothing is silenced.</summary>
public sealed class NoSilences : IAlertSilences
{
    public static readonly NoSilences Instance = new();

    public ValueTask<bool> IsSilencedAsync(string branchId, string setId, DateTime atUtc, CancellationToken cancellationToken) => ValueTask.FromResult(false);
}
