using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonitoramentoBKP.Collector.Admin;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>POST /api/branches/import: load the whole registry (idempotent); refused whole, with every problem by path, if anything is wrong.</summary>
public sealed class ImportRegistry(RegistryService registry)
{
    [Function(nameof(ImportRegistry))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "branches/import")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var report = await registry.ImportAsync(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return RegistryResults.From(report);
    }
}
