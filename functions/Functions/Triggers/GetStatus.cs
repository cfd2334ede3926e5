using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonitoramentoBKP.Collector.Reading;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>
/// GET /api/status: the managers' sheet's delivery (where, when, what waits, any problem), then every branch with
/// each set's status, since when, why, newest backup, last contact and probe version.
/// </summary>
public sealed class GetStatus(StatusService status, SheetDispatcher sheet)
{
    [Function(nameof(GetStatus))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "status")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new OkObjectResult(new StatusReport(
            await sheet.HealthAsync(cancellationToken).ConfigureAwait(false),
            await status.AllAsync(cancellationToken).ConfigureAwait(false)));
}
