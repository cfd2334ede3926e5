using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using MonitoramentoBKP.Collector.Identity;
using MonitoramentoBKP.Collector.Releases;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>
/// GET /api/probe/releases/{version}/{file} (signed): a file of a release this branch is offered, streamed with its
/// Content-Length, or (<see cref="ReleaseSettings.Redirect"/>) a 302 to a short-lived read-only link of the blob; 404
/// for a file no release offered to the branch lists.
/// </summary>
public sealed partial class GetReleaseFile(ProbeAuthenticator authenticator, ReleaseService releases, ReleaseSettings settings, ProbeRequests probes, ILogger<GetReleaseFile> logger)
{
    public const string ContentType = "application/octet-stream";

    [Function(nameof(GetReleaseFile))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "probe/releases/{version}/{file}")] HttpRequest request,
        string version,
        string file,
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

        var outcome = await releases.DownloadAsync(admission!.Key.BranchId, version, file, settings.Redirect, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case { Refusal: { } refused }:
                return ProbeRequests.Problem(refused);
            case { Link: { } link }:
                return new RedirectResult(link.AbsoluteUri, permanent: false);
            default:
                request.HttpContext.Response.ContentLength = outcome.Length;
                return new FileStreamResult(outcome.Content!, ContentType);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a release file request for branch {Branch}: {Reason} ({Detail})")]
    private static partial void Refused(ILogger logger, string? branch, string reason, string detail);
}
