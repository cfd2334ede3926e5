using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonitoramentoBKP.Collector.Admin;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>PUT /api/branches/{id}: add or replace one branch (its registry entry), validated against the imported templates.</summary>
public sealed class PutBranch(RegistryService registry)
{
    private const int MaxBodyBytes = 1024 * 1024;

    [Function(nameof(PutBranch))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "branches/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (await CappedBody.ReadTextAsync(request.Body, MaxBodyBytes, cancellationToken).ConfigureAwait(false) is not { } text)
        {
            return CappedBody.TooLarge(MaxBodyBytes);
        }

        var report = await registry.PutBranchAsync(id, text, cancellationToken).ConfigureAwait(false);
        return RegistryResults.From(report);
    }
}
