using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.Functions.Sheets;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>
/// Timer (schedule from the SheetSchedule setting, every minute by default): delivers whatever the outbox holds,
/// retries what failed, writes the daily reminders, and keeps Status and Histórico current. Idempotent.
/// </summary>
public sealed class DispatchSheet(SheetDispatcher dispatcher, ILogger<DispatchSheet> logger)
{
    [Function(nameof(DispatchSheet))]
    public async Task Run([TimerTrigger("%SheetSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        SheetLog.Dispatched(logger, "timer", await dispatcher.DispatchAsync(cancellationToken).ConfigureAwait(false));
}
