using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using MonitoramentoBKP.Collector.Identity;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>
/// POST /api/probe/uninstalled (signed, empty body): <c>bkp-probe uninstall</c> says goodbye. The branch is marked
/// uninstalled (not reported SILENT from then on) and its keys are revoked: this is the last request they sign.
/// </summary>
public sealed partial class ProbeUninstalled(ProbeAuthenticator authenticator, UninstallService uninstall, ProbeRequests probes, ILogger<ProbeUninstalled> logger)
{
    /// <summary>The body is empty; a few bytes are read to tell a body that is not.</summary>
    private const int MaxBodyBytes = 1024;

    [Function(nameof(ProbeUninstalled))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "probe/uninstalled")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var signed = probes.From(request);
        var (admission, refusal) = await authenticator.AdmitAsync(signed, cancellationToken).ConfigureAwait(false);
        if (refusal is null)
        {
            byte[] body;
            try
            {
                using var buffer = new MemoryStream();
                await new CappedBody(request.Body, MaxBodyBytes).CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                body = buffer.ToArray();
            }
            catch (InvalidDataException)
            {
                return CappedBody.TooLarge(MaxBodyBytes);
            }

            refusal = await authenticator.VerifyAsync(admission!, signed, body, cancellationToken).ConfigureAwait(false);
            if (refusal is null && body.Length > 0)
            {
                return Problems.Of(400, ProbeRefusal.ProblemBase + "invalid-uninstall", "Body not empty", $"An uninstall notice has an empty body; this one has {body.Length} bytes.");
            }
        }

        if (refusal is not null)
        {
            Refused(logger, signed.Branch, refusal.Type, refusal.Detail);
            return ProbeRequests.Problem(refusal);
        }

        var outcome = await uninstall.UninstalledAsync(admission!.Key.BranchId, cancellationToken).ConfigureAwait(false);
        if (outcome.Refusal is { } refused)
        {
            return ProbeRequests.Problem(refused);
        }

        Uninstalled(logger, outcome.BranchId!, string.Join(", ", outcome.Revoked));
        return new OkObjectResult(new { branchId = outcome.BranchId, uninstalledUtc = outcome.UninstalledUtc, revoked = outcome.Revoked });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an uninstall notice for branch {Branch}: {Reason} ({Detail})")]
    private static partial void Refused(ILogger logger, string? branch, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The probe of branch {Branch} was uninstalled; revoked its keys {Keys}")]
    private static partial void Uninstalled(ILogger logger, string branch, string keys);
}
