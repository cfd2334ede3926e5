using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using MonitoramentoBKP.Collector.Identity;
using MonitoramentoBKP.Collector.Releases;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>
/// GET /api/probe/update?channel=stable (signed): the signed release document the branch should run, byte for byte
/// as uploaded (the probe verifies its signatures), or 204 when there is none for it.
/// </summary>
public sealed partial class GetProbeUpdate(ProbeAuthenticator authenticator, ReleaseService releases, ProbeRequests probes, ILogger<GetProbeUpdate> logger)
{
    [Function(nameof(GetProbeUpdate))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "probe/update")] HttpRequest request,
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

        var outcome = await releases.OfferAsync(admission!.Key.BranchId, request.Query["channel"].ToString(), cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            { Refusal: { } refused } => ProbeRequests.Problem(refused),
            { Envelope: { } envelope } => new FileContentResult(envelope, ProbeApi.JsonContentType),
            _ => new StatusCodeResult(StatusCodes.Status204NoContent),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an update request for branch {Branch}: {Reason} ({Detail})")]
    private static partial void Refused(ILogger logger, string? branch, string reason, string detail);
}
