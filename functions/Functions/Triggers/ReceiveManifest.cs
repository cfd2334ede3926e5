using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>POST /api/manifests: a probe delivers one run's manifest (gzip JSON).</summary>
public sealed class ReceiveManifest(IngestService ingest)
{
    [Function(nameof(ReceiveManifest))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "manifests")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var outcome = await ingest.IngestAsync(new IngestRequest
        {
            Body = request.Body,
            ContentEncoding = request.Headers.ContentEncoding.ToString(),
            ContentLength = request.ContentLength,
            Branch = request.Headers[ManifestUpload.BranchHeader].ToString(),
            SentUtc = request.Headers[ManifestUpload.SentUtcHeader].ToString(),
        }, cancellationToken).ConfigureAwait(false);

        return outcome.Result switch
        {
            IngestResult.Refused => Problems.Of(outcome.StatusCode, outcome.ProblemType!, outcome.Title!, outcome.Detail, retryAfterSeconds: outcome.RetryAfterSeconds),
            _ => new ObjectResult(new { outcome.BranchId, outcome.RunId, accepted = outcome.Result == IngestResult.Accepted, alreadyAccepted = outcome.Result == IngestResult.AlreadyAccepted, outcome.Statuses })
            {
                StatusCode = outcome.StatusCode,
            },
        };
    }
}
