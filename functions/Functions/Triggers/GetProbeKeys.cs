using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using MonitoramentoBKP.Collector.Identity;
using MonitoramentoBKP.Collector.Releases;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>
/// GET /api/probe/keys (signed): the latest rotation of the release signing keys, byte for byte as uploaded by
/// <c>bkp-release upload-keys</c>, with its SHA-256 as the ETag; 304 to an <c>If-None-Match</c> naming it, 204 when none
/// was uploaded. The collector holds no release key and verifies nothing: every probe checks the rotation against the
/// keys it trusts (<see cref="ReleaseService.KeysAsync"/>).
/// </summary>
public sealed partial class GetProbeKeys(ProbeAuthenticator authenticator, ReleaseService releases, ProbeRequests probes, ILogger<GetProbeKeys> logger)
{
    [Function(nameof(GetProbeKeys))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "probe/keys")] HttpRequest request,
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

        var outcome = await releases.KeysAsync(request.Headers.IfNoneMatch, cancellationToken).ConfigureAwait(false);
        if (outcome.ETag is { } etag)
        {
            request.HttpContext.Response.Headers.ETag = etag;
        }

        return outcome switch
        {
            { Envelope: { } envelope } => new FileContentResult(envelope, ProbeApi.JsonContentType),
            { StatusCode: StatusCodes.Status304NotModified } => new StatusCodeResult(StatusCodes.Status304NotModified),
            _ => new StatusCodeResult(StatusCodes.Status204NoContent),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a key rotation request for branch {Branch}: {Reason} ({Detail})")]
    private static partial void Refused(ILogger logger, string? branch, string reason, string detail);
}
