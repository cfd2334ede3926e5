using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonitoramentoBKP.Collector.Admin;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>POST /api/branches/import: load the whole registry (idempotent); refused whole, with every problem by path, if anything is wrong.</summary>
public sealed class ImportRegistry(RegistryService registry)
{
    private const int MaxBodyBytes = 16 * 1024 * 1024;

    [Function(nameof(ImportRegistry))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "branches/import")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (await CappedBody.ReadTextAsync(request.Body, MaxBodyBytes, cancellationToken).ConfigureAwait(false) is not { } text)
        {
            return CappedBody.TooLarge(MaxBodyBytes);
        }

        var report = await registry.ImportAsync(text, cancellationToken).ConfigureAwait(false);
        return RegistryResults.From(report);
    }
}
