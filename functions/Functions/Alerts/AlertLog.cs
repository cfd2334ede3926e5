using Microsoft.Extensions.Logging;
using MonitoramentoBKP.Collector.Channels.Dispatch;

namespace MonitoramentoBKP.Functions.Alerts;

/// <summary>One log line per alert dispatch that did something.</summary>
public static partial class AlertLog
{
    public static void Dispatched(ILogger logger, string trigger, AlertDispatchResult result)
    {
        if (result.WasBusy)
        {
            Busy(logger, trigger);
        }
        else if (result.Queued > 0 || result.Sent > 0 || result.Summaries > 0 || result.Failures > 0)
        {
            Done(logger, trigger, result.Queued, result.Sent, result.Digests, result.Summaries, result.Failures);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert dispatch ({Trigger}): another dispatcher holds the ledger")]
    private static partial void Busy(ILogger logger, string trigger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert dispatch ({Trigger}): {Queued} queued, {Sent} sent ({Digests} storm digests), {Summaries} daily summaries planned, {Failures} failed sends")]
    private static partial void Done(ILogger logger, string trigger, int queued, int sent, int digests, int summaries, int failures);
}
