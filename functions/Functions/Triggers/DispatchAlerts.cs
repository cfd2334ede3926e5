using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using MonitoramentoBKP.Collector.Channels.Dispatch;
using MonitoramentoBKP.Functions.Alerts;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>
/// Timer (schedule from the AlertSchedule setting, every minute by default): sends the alert routes what the
/// outbox holds, retries what failed or was held, and sends the daily summaries that are due. Idempotent.
/// </summary>
public sealed class DispatchAlerts(AlertDispatcher dispatcher, ILogger<DispatchAlerts> logger)
{
    [Function(nameof(DispatchAlerts))]
    public async Task Run([TimerTrigger("%AlertSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        AlertLog.Dispatched(logger, "timer", await dispatcher.DispatchAsync(cancellationToken).ConfigureAwait(false));
}
