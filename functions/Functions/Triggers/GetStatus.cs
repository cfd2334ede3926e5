using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonitoramentoBKP.Collector.Reading;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>GET /api/status: every branch, each set's status, since when, why, newest backup, last contact, probe version.</summary>
public sealed class GetStatus(StatusService status)
{
    [Function(nameof(GetStatus))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "status")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new OkObjectResult(await status.AllAsync(cancellationToken).ConfigureAwait(false));
}
