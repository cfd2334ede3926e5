using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using MonitoramentoBKP.Collector.Identity;
using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>
/// POST /api/manifests: a probe delivers one run's manifest (gzip JSON), signed with its branch's key. No admin
/// key: the signature is the credential, checked before the body is read (key, branch, times) and before it is
/// parsed (digest, signature, nonce).
/// </summary>
public sealed partial class ReceiveManifest(IngestService ingest, ProbeAuthenticator authenticator, ProbeRequests probes, ILogger<ReceiveManifest> logger)
{
    [Function(nameof(ReceiveManifest))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manifests")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var signed = probes.From(request);
        var (admission, refusal) = await authenticator.AdmitAsync(signed, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            Refused(logger, signed.Branch, refusal.Type, refusal.Detail);
            return ProbeRequests.Problem(refusal);
        }

        var outcome = await ingest.IngestAsync(new IngestRequest
        {
            Body = request.Body,
            ContentEncoding = request.Headers.ContentEncoding.ToString(),
            ContentLength = request.ContentLength,
            Branch = signed.Branch,
            SentUtc = request.Headers[ManifestUpload.SentUtcHeader].ToString(),
            Verify = (body, token) => authenticator.VerifyAsync(admission!, signed, body, token),
        }, cancellationToken).ConfigureAwait(false);

        if (outcome is { Result: IngestResult.Refused, StatusCode: 401 })
        {
            Refused(logger, signed.Branch, outcome.ProblemType!, outcome.Detail!);
        }

        return outcome.Result switch
        {
            IngestResult.Refused => Problems.Of(outcome.StatusCode, outcome.ProblemType!, outcome.Title!, outcome.Detail, retryAfterSeconds: outcome.RetryAfterSeconds),
            _ => new ObjectResult(new { outcome.BranchId, outcome.RunId, accepted = outcome.Result == IngestResult.Accepted, alreadyAccepted = outcome.Result == IngestResult.AlreadyAccepted, outcome.Statuses })
            {
                StatusCode = outcome.StatusCode,
            },
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a manifest for branch {Branch}: {Reason} ({Detail})")]
    private static partial void Refused(ILogger logger, string? branch, string reason, string detail);
}
