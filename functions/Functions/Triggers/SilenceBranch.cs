using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonitoramentoBKP.Collector.Admin;
using MonitoramentoBKP.Collector.Silencing;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>
/// POST /api/branches/{id}/silence with {"until": "2026-12-05T18:00:00-03:00", "reason": "...", "sets": [...], "from": ...}
/// silences a branch for maintenance; DELETE ends it early.
/// </summary>
public sealed class SilenceBranch(SilenceService silences)
{
    private const int MaxBodyBytes = 16 * 1024;
    private const string Invalid = "https://monitoramentobkp.example/problems/invalid-silence";

    [Function(nameof(SilenceBranch))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "branches/{id}/silence")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        SilenceRequest body;
        try
        {
            using var json = await JsonDocument.ParseAsync(new CappedBody(request.Body, MaxBodyBytes), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Problems.Of(400, Invalid, "Invalid silence", "The body must be a JSON object like {\"until\": \"2026-12-05T18:00:00-03:00\", \"reason\": \"...\"}.");
            }

            var root = json.RootElement;
            foreach (var member in root.EnumerateObject())
            {
                if (member.Name is not ("until" or "from" or "reason" or "sets"))
                {
                    return Problems.Of(400, Invalid, "Invalid silence", $"{member.Name}: not a field of a silence (until, reason, from, sets).");
                }

                if (member.Name == "sets" ? member.Value.ValueKind != JsonValueKind.Array || member.Value.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String)
                    : member.Value.ValueKind != JsonValueKind.String)
                {
                    return Problems.Of(400, Invalid, "Invalid silence", $"{member.Name}: must be {(member.Name == "sets" ? "a list of set ids" : "a string")}.");
                }
            }

            body = new SilenceRequest
            {
                Until = Text(root, "until"),
                From = Text(root, "from"),
                Reason = Text(root, "reason"),
                Sets = root.TryGetProperty("sets", out var sets) ? [.. sets.EnumerateArray().Select(s => s.GetString()!)] : null,
            };
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            return Problems.Of(400, Invalid, "Invalid silence", $"The body must be a JSON object of at most {MaxBodyBytes} bytes like {{\"until\": \"2026-12-05T18:00:00-03:00\", \"reason\": \"...\"}}: {e.Message}");
        }

        return Result(id, await silences.SilenceAsync(id, body, cancellationToken).ConfigureAwait(false));
    }

    [Function("EndSilence")]
    public async Task<IActionResult> End(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "branches/{id}/silence")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Result(id, await silences.EndAsync(id, cancellationToken).ConfigureAwait(false));

    private static string? Text(JsonElement root, string name) => root.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static IActionResult Result(string id, SilenceOutcome outcome) => outcome.StatusCode == 200 && outcome.Silence is { } s
        ? new OkObjectResult(new
        {
            branchId = id,
            fromUtc = s.FromUtc == DateTime.MinValue ? (DateTime?)null : s.FromUtc,
            untilUtc = s.UntilUtc,
            endedUtc = s.EndedUtc,
            reason = s.Reason,
            sets = s.Sets,
            source = s.Source,
        })
        : Problems.Of(outcome.StatusCode, outcome.ProblemType ?? "https://monitoramentobkp.example/problems/not-silenced", outcome.Title ?? "Not silenced", outcome.Detail ?? $"Branch '{id}' has no silence in effect.", retryAfterSeconds: outcome.RetryAfterSeconds);
}
