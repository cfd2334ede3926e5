using Microsoft.Extensions.Logging;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Functions.Sheets;

/// <summary>
/// Runs a dispatch shortly after a commit with status changes, so the sheet hears within seconds instead of at the
/// next timer. Signals arriving together are coalesced (a burst of manifests is one dispatch). Best effort: an
/// instance frozen or recycled before it dispatches loses nothing, the DispatchSheet timer delivers the outbox.
/// </summary>
public sealed partial class DispatchPump(SheetDispatcher dispatcher, SheetOptions options, ILogger<DispatchPump> logger) : CoalescingPump(options.SignalDelay), IDispatchSignal
{
    protected override async Task DispatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await dispatcher.DispatchAsync(cancellationToken).ConfigureAwait(false);
            SheetLog.Dispatched(logger, "signal", result);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The outbox still holds everything; the timer tries again.
            Failed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sheet dispatch after a status change failed; the DispatchSheet timer will deliver it")]
    private static partial void Failed(ILogger logger, Exception exception);
}
