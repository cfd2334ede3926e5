using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using MonitoramentoBKP.Collector.Releases;

namespace MonitoramentoBKP.Functions.Triggers;

/// <summary>
/// POST /api/releases/{channel} (admin): publishes an uploaded release with a rollout, changes its percentage or
/// pilots, or pulls it. Body <c>{"version": "1.4.0", "percent": 20, "pilots": ["F001"], "pulled": false}</c>;
/// answers the rollout and how many branches it reaches now (201 when first published).
/// </summary>
public sealed partial class PublishRelease(ReleaseService releases, ILogger<PublishRelease> logger)
{
    [Function(nameof(PublishRelease))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "releases/{channel}")] HttpRequest request,
        string channel,
        CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await new CappedBody(request.Body, ReleaseService.MaxRequestBytes).CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            body = buffer.ToArray();
        }
        catch (InvalidDataException)
        {
            return CappedBody.TooLarge(ReleaseService.MaxRequestBytes);
        }

        var outcome = await releases.PublishAsync(channel, body, cancellationToken).ConfigureAwait(false);
        if (outcome.Refusal is { } refused)
        {
            return ProbeRequests.Problem(refused);
        }

        var rollout = outcome.Rollout!;
        Published(logger, rollout.Channel, rollout.Version, rollout.Percent, string.Join(", ", rollout.Pilots), rollout.Pulled, outcome.BranchesOffered ?? 0);
        return new ObjectResult(new
        {
            channel = rollout.Channel,
            version = rollout.Version,
            percent = rollout.Percent,
            pilots = rollout.Pilots,
            pulled = rollout.Pulled,
            publishedUtc = rollout.PublishedUtc,
            changedUtc = rollout.ChangedUtc,
            expiresUtc = rollout.ExpiresUtc,
            files = rollout.Files.Select(f => new { runtime = f.Runtime, name = f.Name, length = f.Length, sha256 = f.Sha256 }),
            branchesOffered = outcome.BranchesOffered,
        }) { StatusCode = outcome.StatusCode };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Release {Channel}/{Version}: {Percent}% with pilots [{Pilots}], pulled {Pulled}; {Offered} branches offered")]
    private static partial void Published(ILogger logger, string channel, string version, int percent, string pilots, bool pulled, int offered);
}
