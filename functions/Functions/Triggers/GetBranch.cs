using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonitoramentoBKP.Collector.Reading;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>GET /api/branches/{id}: one branch with the last 30 local days of verdicts per set.</summary>
public sealed class GetBranch(StatusService status)
{
    [Function(nameof(GetBranch))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "branches/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        await status.OneAsync(id, cancellationToken).ConfigureAwait(false) is { } view
            ? new OkObjectResult(view)
            : Problems.Of(404, "https://monitoramentobkp.example/problems/unknown-branch", "Unknown branch", $"Branch '{id}' is not in the registry.");
}
