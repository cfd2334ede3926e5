using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MonitoramentoBKP.Collector.Identity;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>
/// POST /api/branches/{id}/enrollment[?hours=N] (admin): a one-time enrollment token for the branch, answered once
/// and stored only as a hash; it expires after 72 hours unless <c>hours</c> says otherwise.
/// </summary>
public sealed class CreateEnrollment(EnrollmentService enrollment)
{
    [Function(nameof(CreateEnrollment))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "branches/{id}/enrollment")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        TimeSpan? lifetime = null;
        if (request.Query["hours"] is { Count: > 0 } hours)
        {
            if (!double.TryParse(hours.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var h) || !double.IsFinite(h) || h <= 0 || h > 24 * 365)
            {
                return Problems.Of(400, ProbeRefusal.ProblemBase + "invalid-enrollment", "Invalid token lifetime", $"?hours= must be a number of hours, e.g. 72; '{hours}' is not.");
            }

            lifetime = TimeSpan.FromHours(h);
        }

        var outcome = await enrollment.CreateTokenAsync(id, lifetime, cancellationToken).ConfigureAwait(false);
        if (outcome.Refusal is { } refused)
        {
            return ProbeRequests.Problem(refused);
        }

        return new ObjectResult(new
        {
            branchId = outcome.BranchId,
            token = outcome.Token,
            expiresUtc = outcome.ExpiresUtc,
            command = $"bkp-probe enroll --collector <collector URL> --branch {outcome.BranchId} --token {outcome.Token}",
        })
        { StatusCode = 201 };
    }
}
