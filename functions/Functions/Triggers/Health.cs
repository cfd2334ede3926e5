using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>GET /api/health: the app is up (for load balancers and the deploy's smoke test).</summary>
public sealed class Health
{
    [Function(nameof(Health))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request) =>
        new OkObjectResult(new { status = "ok", version = typeof(Health).Assembly.GetName().Version?.ToString() });
}
