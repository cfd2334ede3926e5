using Microsoft.Extensions.Logging;
using MonitoramentoBKP.Collector.Channels.Dispatch;

namespace MonitoramentoBKP.Functions.Alerts;

/// <summary>
/// Runs an alert dispatch shortly after a commit with status changes (signals coalesced, as the sheet's pump
/// does), and again when something it holds falls due within a minute (a backoff, a Retry-After, the end of
/// quiet hours), so a failure reaches people within seconds. Best effort: the DispatchAlerts timer covers the rest.
/// </summary>
public sealed partial class AlertPump(AlertDispatcher dispatcher, AlertDispatchOptions options, TimeProvider time, ILogger<AlertPump> logger) : CoalescingPump(options.SignalDelay)
{
    private static readonly TimeSpan Soon = TimeSpan.FromMinutes(1);

    protected override async Task DispatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await dispatcher.DispatchAsync(cancellationToken).ConfigureAwait(false);
            AlertLog.Dispatched(logger, "signal", result);
            if (result.NextDueUtc is { } due && due - time.GetUtcNow().UtcDateTime is var wait && wait < Soon)
            {
                _ = Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, cancellationToken).ContinueWith(_ => Raise(), cancellationToken, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert dispatch after a status change failed; the DispatchAlerts timer will deliver it")]
    private static partial void Failed(ILogger logger, Exception exception);
}
