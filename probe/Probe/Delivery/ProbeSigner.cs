using System.Security.Cryptography;
using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Signing;

namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>
/// Signs every request a probe sends with its branch's key (RFC 9421, the profile in Contracts) and corrects for a
/// wrong machine clock: each answer's <c>Date</c> teaches <see cref="ClockOffset"/>, and a request refused for its
/// clock is signed again at the collector's time and sent once more, so a store PC two hours off still delivers on
/// its first run. The manifest itself keeps the machine's own clock, for the collector's clock-skew rule.
/// </summary>
public sealed class ProbeSigner(ECDsa key, string branchId, ClockOffset clock, TimeProvider time)
{
    /// <summary>How long a signature is valid: far less than the collector's limit, far more than a slow upload takes to start.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>A problem+json body is a few hundred bytes; a longer 401 is not read whole.</summary>
    private const int MaxProblemBytes = 64 * 1024;

    public string KeyId { get; } = Contracts.Signing.KeyId.Of(key);
    public string BranchId { get; } = branchId;
    public ClockOffset Clock { get; } = clock;

    /// <summary>Adds Content-Digest, X-Bkp-Branch, Signature-Input and Signature to <paramref name="request"/> for a body of <paramref name="contentDigest"/>.</summary>
    public void Sign(HttpRequestMessage request, string contentDigest)
    {
        var target = request.RequestUri?.AbsoluteUri ?? throw new ArgumentException("The request has no address.", nameof(request));
        var headers = MessageSignature.Sign(key, KeyId, request.Method.Method.ToUpperInvariant(), target, contentDigest, BranchId, Clock.Now(time), Lifetime, RandomNumberGenerator.Create());
        request.Headers.Remove(MessageSignature.SignatureInputHeaderName);
        request.Headers.Remove(MessageSignature.SignatureHeaderName);
        request.Headers.Remove(ManifestUpload.BranchHeader);
        request.Headers.TryAddWithoutValidation(MessageSignature.SignatureInputHeaderName, headers.SignatureInput);
        request.Headers.TryAddWithoutValidation(MessageSignature.SignatureHeaderName, headers.Signature);
        request.Headers.TryAddWithoutValidation(ManifestUpload.BranchHeader, BranchId);
        if (request.Content is { } content)
        {
            content.Headers.Remove(ContentDigest.HeaderName);
            content.Headers.TryAddWithoutValidation(ContentDigest.HeaderName, contentDigest);
        }
        else
        {
            request.Headers.Remove(ContentDigest.HeaderName);
            request.Headers.TryAddWithoutValidation(ContentDigest.HeaderName, contentDigest);
        }
    }

    /// <summary>
    /// Sends the request <paramref name="create"/> makes, signed; when the collector refuses it for its clock and its
    /// <c>Date</c> shows how far off this machine is, makes, signs and sends it once more at the corrected time.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpClient http, Func<HttpRequestMessage> create, string contentDigest, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = create();
            Sign(request, contentDigest);
            var response = await http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
            var learnt = Clock.Observe(response.Headers.Date, time.GetUtcNow());
            if (attempt > 1 || (int)response.StatusCode != 401 || !learnt || !await IsClockRefusalAsync(response, cancellationToken).ConfigureAwait(false))
            {
                return response;
            }

            response.Dispose();
        }
    }

    private static async Task<bool> IsClockRefusalAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync(MaxProblemBytes, cancellationToken).ConfigureAwait(false);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
            return problem.RootElement.ValueKind == JsonValueKind.Object
                && problem.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                && type.GetString() is { } text && (text.EndsWith("/clock-skew", StringComparison.Ordinal) || text.EndsWith("/expired-signature", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is JsonException or HttpRequestException or IOException)
        {
            return false;
        }
    }
}
