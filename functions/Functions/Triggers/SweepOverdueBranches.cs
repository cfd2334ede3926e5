using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Sweep;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>
/// Timer (schedule from the SweepSchedule setting): marks sets MISSED and branches SILENT, and deletes the nonces of
/// signed requests that no signature can use any more. Idempotent, as timers do not retry.
/// </summary>
public sealed partial class SweepOverdueBranches(SweepService sweep, IIdentityStore identity, TimeProvider time, ILogger<SweepOverdueBranches> logger)
{
    [Function(nameof(SweepOverdueBranches))]
    public async Task Run([TimerTrigger("%SweepSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var result = await sweep.SweepAsync(cancellationToken).ConfigureAwait(false);
        var nonces = await identity.RemoveExpiredNoncesAsync(time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        Swept(logger, result.BranchesChecked, result.SetsMissed, result.BranchesSilent, nonces);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep: {Branches} branches checked, {Missed} sets missed, {Silent} branches silent, {Nonces} expired nonces removed")]
    private static partial void Swept(ILogger logger, int branches, int missed, int silent, int nonces);
}
