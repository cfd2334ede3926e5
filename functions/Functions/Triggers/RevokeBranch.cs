using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using MonitoramentoBKP.Collector.Identity;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>POST /api/branches/{id}/revoke (admin): the branch's keys stop working at once; its probe must enroll again.</summary>
public sealed partial class RevokeBranch(EnrollmentService enrollment, ILogger<RevokeBranch> logger)
{
    [Function(nameof(RevokeBranch))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "branches/{id}/revoke")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var outcome = await enrollment.RevokeAsync(id, cancellationToken).ConfigureAwait(false);
        if (outcome.Refusal is { } refused)
        {
            return ProbeRequests.Problem(refused);
        }

        Revoked(logger, outcome.BranchId!, string.Join(", ", outcome.Revoked));
        return new OkObjectResult(new { branchId = outcome.BranchId, revoked = outcome.Revoked });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Revoked the keys of branch {Branch}: {Keys}")]
    private static partial void Revoked(ILogger logger, string branch, string keys);
}
