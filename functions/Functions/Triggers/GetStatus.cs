using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonitoramentoBKP.Collector.Channels.Dispatch;
using MonitoramentoBKP.Collector.Reading;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>
/// GET /api/status: the managers' sheet's delivery (where, when, what waits, any problem), then every branch with
/// each set's status, since when, why, newest backup, last contact, probe version, update event and uninstall;
/// then the fleet: branches per probe version, and each published release's rollout; then each alert route (kind,
/// target, pending, last error and since when, sends, digests, uncertain resends).
/// </summary>
public sealed class GetStatus(StatusService status, SheetDispatcher sheet, AlertDispatcher alerts)
{
    [Function(nameof(GetStatus))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "status")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var branches = await status.AllAsync(cancellationToken).ConfigureAwait(false);
        return new OkObjectResult(new StatusReport(
            await sheet.HealthAsync(cancellationToken).ConfigureAwait(false),
            branches,
            await status.FleetAsync(branches, cancellationToken).ConfigureAwait(false))
        {
            Routes = await alerts.StatusAsync(cancellationToken).ConfigureAwait(false),
        });
    }
}
