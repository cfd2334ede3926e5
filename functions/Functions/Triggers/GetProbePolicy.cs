using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using MonitoramentoBKP.Collector.Identity;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Registry;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>
/// GET /api/probe/policy (signed): the branch's sets as the registry resolves them, with its version as the ETag;
/// <c>If-None-Match</c> with the current version answers 304, so an unchanged policy costs no body.
/// </summary>
public sealed partial class GetProbePolicy(ProbeAuthenticator authenticator, IBranchDirectory directory, ProbeRequests probes, ILogger<GetProbePolicy> logger)
{
    [Function(nameof(GetProbePolicy))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "probe/policy")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var signed = probes.From(request);
        var (admission, refusal) = await authenticator.AdmitAsync(signed, cancellationToken).ConfigureAwait(false);
        refusal ??= await authenticator.VerifyAsync(admission!, signed, ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            Refused(logger, signed.Branch, refusal.Type, refusal.Detail);
            return ProbeRequests.Problem(refusal);
        }

        var branch = await directory.FindAsync(admission!.Key.BranchId, cancellationToken).ConfigureAwait(false);
        if (branch is null || branch.Retired)
        {
            return Problems.Of(branch is null ? 404 : 410, ProbeRefusal.ProblemBase + (branch is null ? "unknown-branch" : "retired-branch"),
                branch is null ? "Unknown branch" : "Retired branch", $"Branch '{admission.Key.BranchId}' is {(branch is null ? "not in the registry" : "retired")}: there is nothing to scan.");
        }

        var policy = ProbePolicies.For(branch);
        var etag = $"\"{policy.Version}\"";
        request.HttpContext.Response.Headers.ETag = etag;
        return request.Headers.IfNoneMatch.Any(v => v == etag) ? new StatusCodeResult(304) : new OkObjectResult(policy);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a policy request for branch {Branch}: {Reason} ({Detail})")]
    private static partial void Refused(ILogger logger, string? branch, string reason, string detail);
}
