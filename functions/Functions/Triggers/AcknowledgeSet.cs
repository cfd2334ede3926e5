using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonitoramentoBKP.Collector.Admin;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>POST /api/branches/{id}/sets/{set}/acknowledge with {"reason": "..."}: ops accepts a set's altered backups as they read now.</summary>
public sealed class AcknowledgeSet(AcknowledgeService acknowledgements)
{
    private const int MaxBodyBytes = 16 * 1024;

    [Function(nameof(AcknowledgeSet))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "branches/{id}/sets/{set}/acknowledge")] HttpRequest request,
        string id,
        string set,
        CancellationToken cancellationToken)
    {
        string? reason;
        try
        {
            using var body = await JsonDocument.ParseAsync(new CappedBody(request.Body, MaxBodyBytes), cancellationToken: cancellationToken).ConfigureAwait(false);
            reason = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            return Problems.Of(400, "https://monitoramentobkp.example/problems/invalid-acknowledgement", "Invalid acknowledgement", $"The body must be a JSON object of at most {MaxBodyBytes} bytes like {{\"reason\": \"...\"}}: {e.Message}");
        }

        var outcome = await acknowledgements.AcknowledgeAsync(id, set, reason, cancellationToken).ConfigureAwait(false);
        return outcome.StatusCode == 200
            ? new OkObjectResult(new { branchId = id, setId = set, status = outcome.Status, filesAcknowledged = outcome.FilesAcknowledged })
            : Problems.Of(outcome.StatusCode, outcome.ProblemType!, outcome.Title!, outcome.Detail, retryAfterSeconds: outcome.RetryAfterSeconds);
    }
}
