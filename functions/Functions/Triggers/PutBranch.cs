using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonitoramentoBKP.Collector.Admin;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>PUT /api/branches/{id}: add or replace one branch (its registry entry), validated against the imported templates.</summary>
public sealed class PutBranch(RegistryService registry)
{
    [Function(nameof(PutBranch))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "branches/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var report = await registry.PutBranchAsync(id, await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return RegistryResults.From(report);
    }
}
