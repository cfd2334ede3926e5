using Microsoft.Extensions.Logging;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Functions.Sheets;

/// <summary>One log line per dispatch; a delivery problem is a warning, and a permanent one (someone must act) an error.</summary>
public static partial class SheetLog
{
    public static void Dispatched(ILogger logger, string trigger, DispatchResult result)
    {
        if (result.WasBusy)
        {
            Busy(logger, trigger);
        }
        else if (result.Problem is { Permanent: true } permanent)
        {
            Refused(logger, trigger, permanent.StatusCode, permanent.Problem, permanent.Failures);
        }
        else if (result.Problem is { } transient)
        {
            Unavailable(logger, trigger, transient.Problem, transient.Failures);
        }
        else if (result.ChangesDelivered > 0 || result.AlertsAppended > 0 || result.StatusRewritten || result.HistoryRewritten)
        {
            Delivered(logger, trigger, result.ChangesDelivered, result.AlertsAppended, result.AlertsAlreadyThere, result.StatusRewritten, result.HistoryRewritten);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sheet dispatch ({Trigger}): another dispatch holds the ledger")]
    private static partial void Busy(ILogger logger, string trigger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sheet dispatch ({Trigger}): {Changes} status changes, {Appended} alert rows appended ({AlreadyThere} already there), Status rewritten {Status}, Histórico rewritten {History}")]
    private static partial void Delivered(ILogger logger, string trigger, int changes, int appended, int alreadyThere, bool status, bool history);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sheet dispatch ({Trigger}): the sheet refused the request ({StatusCode}): {Problem}; {Failures} failures in a row, nothing is lost, it is tried again on every dispatch")]
    private static partial void Refused(ILogger logger, string trigger, int? statusCode, string? problem, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sheet dispatch ({Trigger}): the sheet is unavailable: {Problem}; {Failures} failures in a row, tried again later")]
    private static partial void Unavailable(ILogger logger, string trigger, string? problem, int failures);
}
