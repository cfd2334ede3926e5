using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using MonitoramentoBKP.Collector.Identity;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>POST /api/enroll: a probe sends its new public key with a one-time token, signed with the new key. No admin key. A branch whose probe was uninstalled is so no more.</summary>
public sealed partial class Enroll(EnrollmentService enrollment, UninstallService uninstall, IdentityLimits limits, ProbeRequests probes, ILogger<Enroll> logger)
{
    [Function(nameof(Enroll))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "enroll")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var signed = probes.From(request);
        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await new CappedBody(request.Body, limits.MaxEnrollBodyBytes).CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            body = buffer.ToArray();
        }
        catch (InvalidDataException)
        {
            return CappedBody.TooLarge(limits.MaxEnrollBodyBytes);
        }

        var outcome = await enrollment.EnrollAsync(signed, body, cancellationToken).ConfigureAwait(false);
        if (outcome.Refusal is { } refused)
        {
            Refused(logger, signed.Branch, refused.Type, refused.Detail);
            return ProbeRequests.Problem(refused);
        }

        Enrolled(logger, outcome.BranchId!, outcome.KeyId!, string.Join(", ", outcome.Revoked));
        await uninstall.ReinstatedAsync(outcome.BranchId!, cancellationToken).ConfigureAwait(false);
        return new ObjectResult(new EnrollResponse { BranchId = outcome.BranchId!, KeyId = outcome.KeyId!, EnrolledUtc = outcome.EnrolledUtc!.Value, Replaced = outcome.Revoked }) { StatusCode = 201 };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an enrollment for branch {Branch}: {Reason} ({Detail})")]
    private static partial void Refused(ILogger logger, string? branch, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Branch {Branch} enrolled key {KeyId} (replaced: {Replaced})")]
    private static partial void Enrolled(ILogger logger, string branch, string keyId, string replaced);
}
