using System.Net;
using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.Probe.Delivery;

namespace MonitoramentoBKP.Probe.Update;

/// <summary>
/// Brings a key rotation uploaded for the fleet (<c>bkp-release upload-keys</c>) to this probe, before each update
/// check: <c>GET api/probe/keys</c> (signed), with the ETag of the rotation last judged as <c>If-None-Match</c>
/// (<see cref="KeyListSeen"/>). A new one is verified against the keys in force
/// (<see cref="ReleaseTrust.AcceptRotation"/>): accepted, it is kept and its keys verify the release of the same run;
/// not newer than the keys in force (a rotation already taken, or an old one put back, whoever signed it), it is
/// ignored; refused for any other reason, the refusal is the latest update event ("key list refused: ...") and the
/// keys in force stay. Nothing
/// here ever stops the update check: a collector that cannot be reached, or answers anything else, changes nothing.
/// </summary>
public sealed class KeyListFetch(HttpClient http, ProbeSigner signer, UpdateSettings settings, TimeProvider time)
{
    private static readonly string EmptyDigest = ContentDigest.Of([]);

    /// <summary>The keys a rotation was judged with: the key list's version and its key ids in order.</summary>
    public static string TrustOf(ReleaseKeyRing ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        return $"{ring.Version}:{string.Join(",", ring.Keys.Keys.Order(StringComparer.Ordinal))}";
    }

    /// <summary>The keys to verify releases with from now on when a rotation was accepted (the caller disposes them); null when the keys in force stay.</summary>
    public async Task<ReleaseKeyRing?> RefreshAsync(CancellationToken cancellationToken)
    {
        var trust = TrustOf(settings.Keys);
        var seen = UpdateStore.ReadKeysSeen(settings.StateDirectory);
        var (envelope, etag) = await FetchAsync(seen?.Trust == trust ? seen.ETag : null, cancellationToken).ConfigureAwait(false);
        if (envelope is null)
        {
            return null;
        }

        TrustedKeysCheck check;
        try
        {
            check = ReleaseTrust.AcceptRotation(settings.StateDirectory, settings.Keys, envelope);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Verified but not kept: judged again next time, with the keys in force until then.
            return null;
        }

        ReleaseKeyRing? accepted = null;
        if (check.Accepted)
        {
            ReleaseKeyRing.TryCreate(check.Document!, out accepted, out _);
        }
        else if (check.Refusal!.Kind != ReleaseRefusalKind.NotNewer && ClaimedVersion(envelope) is var claimed && !(claimed <= settings.Keys.Version))
        {
            // A rotation that claims a version not above the keys in force could change nothing even if it verified
            // (an old one put back, signed by a key retired since): ignored like one that verifies and is not newer.
            UpdateStore.WriteReport(settings.StateDirectory, new UpdateReport
            {
                Outcome = UpdateOutcome.Refused,
                Version = claimed is { } number ? $"keys v{number}" : "keys",
                PreviousVersion = settings.RunningVersion,
                AtUtc = time.GetUtcNow().UtcDateTime,
                Detail = $"key list refused: {check.Refusal.Kind}: {check.Refusal.Reason}",
            });
        }

        if (etag is not null)
        {
            UpdateStore.WriteKeysSeen(settings.StateDirectory, new KeyListSeen { ETag = etag, Trust = accepted is null ? trust : TrustOf(accepted) });
        }

        return accepted;
    }

    /// <summary>The rotation served and its ETag; no envelope when there is none (204), it is unchanged (304), or it could not be fetched.</summary>
    private async Task<(byte[]? Envelope, string? ETag)> FetchAsync(string? ifNoneMatch, CancellationToken cancellationToken)
    {
        var endpoint = new Uri(new Uri(settings.Collector.AbsoluteUri.TrimEnd('/') + "/"), ProbeApi.KeysPath);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.CheckTimeout);
        try
        {
            using var response = await signer.SendAsync(http, () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
                if (ifNoneMatch is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
                }

                return request;
            }, EmptyDigest, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (null, null);
            }

            return (await Updater.ReadEnvelopeAsync(response, deadline.Token).ConfigureAwait(false), response.Headers.ETag?.ToString());
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, null);
        }
    }

    /// <summary>The version a rotation claims, read without trusting it; null when it claims none that is a whole number.</summary>
    private static int? ClaimedVersion(byte[] envelope)
    {
        try
        {
            if (SignedEnvelope.TryParse(envelope, out var parsed, out _))
            {
                using var document = JsonDocument.Parse(parsed.Signed);
                if (document.RootElement.TryGetProperty("version", out var claimed) && claimed.ValueKind == JsonValueKind.Number && claimed.TryGetInt32(out var version))
                {
                    return version;
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
