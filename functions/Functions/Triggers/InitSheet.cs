using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.Functions.Sheets;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>POST /api/sheets/init: creates or repairs the sheet's tabs (Status, Alertas, Histórico) and writes them. Idempotent.</summary>
public sealed class InitSheet(SheetDispatcher dispatcher, ILogger<InitSheet> logger)
{
    [Function(nameof(InitSheet))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "sheets/init")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var result = await dispatcher.InitAsync(cancellationToken).ConfigureAwait(false);
        SheetLog.Dispatched(logger, "init", result);
        return result switch
        {
            { WasBusy: true } => Problems.Of(409, "sheet-busy", "Sheet busy", "Another dispatch is writing the sheet; try again in a minute."),
            { Problem: { } problem } => Problems.Of(502, "sheet-delivery", "The sheet could not be written", problem.Problem),
            _ => new OkObjectResult(new { target = dispatcher.Writer.Describe, result.StatusRewritten, result.HistoryRewritten, result.AlertsAppended }),
        };
    }
}
