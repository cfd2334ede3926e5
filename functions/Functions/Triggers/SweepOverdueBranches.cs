using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using MonitoramentoBKP.Collector.Sweep;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>Timer (schedule from the SweepSchedule setting): marks sets MISSED and branches SILENT. Idempotent, as timers do not retry.</summary>
public sealed partial class SweepOverdueBranches(SweepService sweep, ILogger<SweepOverdueBranches> logger)
{
    [Function(nameof(SweepOverdueBranches))]
    public async Task Run([TimerTrigger("%SweepSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var result = await sweep.SweepAsync(cancellationToken).ConfigureAwait(false);
        Swept(logger, result.BranchesChecked, result.SetsMissed, result.BranchesSilent);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep: {Branches} branches checked, {Missed} sets missed, {Silent} branches silent")]
    private static partial void Swept(ILogger logger, int branches, int missed, int silent);
}
