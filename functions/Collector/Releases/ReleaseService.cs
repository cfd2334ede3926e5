using MonitoramentoBKP.Collector.Admin;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.Collector.Releases;

/// <summary>
/// Publishing and serving releases. Ops publishes an uploaded release for its channel with a rollout, raises it or
/// pulls it (<see cref="PublishAsync"/>); a probe asks which release its branch should run (<see cref="OfferAsync"/>)
/// and downloads that release's files (<see cref="DownloadAsync"/>), and for the latest key rotation
/// (<see cref="KeysAsync"/>). The collector never signs anything: it checks the upload (<see cref="UploadCheck"/>,
/// each listed file present with its declared length), remembers the envelope's hash, and serves those bytes only.
/// </summary>
public sealed class ReleaseService(IReleaseStore releases, IRolloutStore rollouts, RegistryService registry, IBranchStateStore states, TimeProvider time)
{
    /// <summary>The admin body is a version, a percentage and a few pilot ids.</summary>
    public const int MaxRequestBytes = 8 * 1024;

    /// <summary>How long a redirect's link to a file lives: a probe follows it at once.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(10);

    private const string Problem = "invalid-release";

    public async Task<ReleaseOutcome> PublishAsync(string channel, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (!ReleaseNames.IsChannel(channel))
        {
            return ReleaseOutcome.Refused(400, Problem, "Invalid channel", $"'{channel}' is not a channel name: {ReleaseRules.ChannelRule}.");
        }

        if (body.Length > MaxRequestBytes)
        {
            return ReleaseOutcome.Refused(413, "too-large", "Body too large", $"A rollout request is at most {MaxRequestBytes} bytes; this one is {body.Length}.");
        }

        if (!RolloutRequest.TryParse(body, out var request, out var problem))
        {
            return ReleaseOutcome.Refused(400, Problem, "Invalid rollout", problem);
        }

        var branches = await registry.ListAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < (request.Pilots?.Count ?? 0); i++)
        {
            if (!branches.Any(b => string.Equals(b.Id, request.Pilots![i], StringComparison.OrdinalIgnoreCase)))
            {
                return ReleaseOutcome.Refused(400, Problem, "Unknown pilot", $"$.pilots[{i}]: branch '{request.Pilots![i]}' is not in the registry.");
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        var known = await rollouts.FindAsync(channel, request.Version, cancellationToken).ConfigureAwait(false);
        var pilots = request.Pilots?.Select(p => branches.First(b => string.Equals(b.Id, p, StringComparison.OrdinalIgnoreCase)).Id).ToList();
        Rollout next;
        if (known is null)
        {
            if (request.Pulled)
            {
                return NotPublished(channel, request.Version, "there is nothing to pull");
            }

            var (checkedRelease, refusal) = await CheckUploadAsync(channel, request.Version, now, cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }

            var (document, fingerprint) = checkedRelease!.Value;
            next = new Rollout
            {
                Channel = channel,
                Version = request.Version,
                Percent = request.Percent!.Value,
                Pilots = pilots ?? [],
                PublishedUtc = now,
                ChangedUtc = now,
                ExpiresUtc = document.ExpiresUtc,
                EnvelopeSha256 = fingerprint,
                Files = document.Files,
            };
        }
        else if (known.Pulled && request.Pulled)
        {
            // Pulling again is what a retried pull does: nothing changes.
            return new ReleaseOutcome { StatusCode = 200, Rollout = known, BranchesOffered = 0 };
        }
        else if (known.Pulled)
        {
            return ReleaseOutcome.Refused(409, "release-pulled", "Release pulled",
                $"Release {known.Version} of channel '{channel}' was pulled at {known.ChangedUtc:yyyy-MM-dd HH:mm}Z; a pulled release is not offered again: publish a new version.");
        }
        else
        {
            next = known with
            {
                Percent = request.Percent ?? known.Percent,
                Pilots = pilots ?? known.Pilots,
                Pulled = request.Pulled,
                ChangedUtc = now,
            };
        }

        await rollouts.PutAsync(next, cancellationToken).ConfigureAwait(false);
        return new ReleaseOutcome
        {
            StatusCode = known is null ? 201 : 200,
            Rollout = next,
            BranchesOffered = branches.Count(b => !b.Retired && next.Offers(b.Id, now)),
        };
    }

    /// <summary>
    /// The newest release of <paramref name="channel"/> the branch is offered (see <see cref="Rollout.Offers"/>), as
    /// its envelope; 204 when there is none, or when the branch already reported running that version or a newer one.
    /// A release the branch reported failing (rolled back, or failed its self-test) is not offered to it again.
    /// </summary>
    public async Task<ReleaseOutcome> OfferAsync(string branchId, string? channel, CancellationToken cancellationToken)
    {
        if (!ReleaseNames.IsChannel(channel))
        {
            return ReleaseOutcome.Refused(400, Problem, "Invalid channel", $"?channel='{channel}' is not a channel name: {ReleaseRules.ChannelRule}.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var contact = (await states.ReadAsync(branchId, cancellationToken).ConfigureAwait(false)).Contact;
        var failed = contact.Update is { Outcome: UpdateOutcome.RolledBack or UpdateOutcome.SelfTestFailed } update ? update.Version : null;
        var offered = (await rollouts.OfChannelAsync(channel, cancellationToken).ConfigureAwait(false))
            .Where(r => r.Offers(branchId, now) && r.Version != failed)
            .MaxBy(r => ReleaseVersion.Parse(r.Version));
        if (offered is null || ReleaseVersion.TryParse(contact.ProbeVersion, out var current) && current >= ReleaseVersion.Parse(offered.Version))
        {
            return ReleaseOutcome.Nothing;
        }

        var envelope = await releases.ReadDocumentAsync(channel, offered.Version, SignedEnvelope.MaxLength, cancellationToken).ConfigureAwait(false);
        if (envelope is null || UploadCheck.Fingerprint(envelope) != offered.EnvelopeSha256)
        {
            return Changed(offered, envelope is null ? "release.json is gone" : "release.json is not the document checked at publication");
        }

        return new ReleaseOutcome { StatusCode = 200, Rollout = offered, Envelope = envelope };
    }

    /// <summary>
    /// The latest key rotation (<see cref="ReleaseNames.KeysBlob"/>) byte for byte as uploaded, with its SHA-256 as a
    /// strong ETag; 304 when <paramref name="ifNoneMatch"/> (the request's <c>If-None-Match</c> values) names that tag
    /// (or is <c>*</c>); 204 when none was uploaded. The collector holds no key and verifies nothing here: the rotation
    /// is signed by a release key, and each probe checks it against the keys it trusts. A stored document over
    /// <see cref="SignedEnvelope.MaxLength"/> (which the release tool never uploads) is served cut one byte past the
    /// cap, which every probe refuses as too large, rather than read whole.
    /// </summary>
    public async Task<ReleaseOutcome> KeysAsync(IEnumerable<string?> ifNoneMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ifNoneMatch);
        var envelope = await releases.ReadKeysAsync(SignedEnvelope.MaxLength, cancellationToken).ConfigureAwait(false);
        if (envelope is null)
        {
            return ReleaseOutcome.Nothing;
        }

        var etag = $"\"{UploadCheck.Fingerprint(envelope)}\"";
        return Matches(ifNoneMatch, etag)
            ? new ReleaseOutcome { StatusCode = 304, ETag = etag }
            : new ReleaseOutcome { StatusCode = 200, Envelope = envelope, ETag = etag };
    }

    /// <summary>If-None-Match's weak comparison (RFC 9110 13.1.2): any listed tag equal to <paramref name="etag"/> with or without <c>W/</c>, or <c>*</c>.</summary>
    private static bool Matches(IEnumerable<string?> ifNoneMatch, string etag) =>
        ifNoneMatch.SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Any(tag => tag == "*" || string.Equals(tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag, etag, StringComparison.Ordinal));

    /// <summary>
    /// A file of release <paramref name="version"/>, only when a channel's release of that version lists it and
    /// offers it to this branch: streamed, or as a short-lived link when <paramref name="link"/> asks for one and the
    /// store can make it.
    /// </summary>
    public async Task<ReleaseOutcome> DownloadAsync(string branchId, string version, string file, bool link, CancellationToken cancellationToken)
    {
        if (!ReleaseNames.IsVersion(version) || !ReleaseNames.IsFileName(file))
        {
            return ReleaseOutcome.Refused(400, Problem, "Invalid release file",
                !ReleaseNames.IsVersion(version) ? $"'{version}' is not a release version: {ReleaseRules.VersionRule}." : $"'{file}' is not a release file name: {ReleaseRules.FileNameRule}.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var rollout = (await rollouts.WithVersionAsync(version, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(r => r.Offers(branchId, now) && r.Files.Any(f => f.Name == file));
        var listed = rollout?.Files.First(f => f.Name == file);
        if (rollout is null || listed is null)
        {
            return ReleaseOutcome.Refused(404, "unknown-release-file", "No such release file",
                $"Branch '{branchId}' is offered no release {version} that lists a file '{file}'.");
        }

        if (link && await releases.LinkAsync(rollout.Channel, version, file, LinkLifetime, cancellationToken).ConfigureAwait(false) is { } uri)
        {
            return new ReleaseOutcome { StatusCode = 302, Rollout = rollout, Link = uri, Length = listed.Length };
        }

        var opened = await releases.OpenFileAsync(rollout.Channel, version, file, cancellationToken).ConfigureAwait(false);
        if (opened is not { } found)
        {
            return Changed(rollout, $"{file} is gone");
        }

        if (found.Length != listed.Length)
        {
            await found.Content.DisposeAsync().ConfigureAwait(false);
            return Changed(rollout, $"{file} is {found.Length} bytes, not the {listed.Length} published");
        }

        return new ReleaseOutcome { StatusCode = 200, Rollout = rollout, Content = found.Content, Length = found.Length };
    }

    /// <summary>Reads and checks an upload: the envelope, then each listed file's presence and length.</summary>
    private async Task<((ReleaseDocument Document, string Fingerprint)? Checked, ReleaseOutcome? Refusal)> CheckUploadAsync(string channel, string version, DateTime now, CancellationToken cancellationToken)
    {
        var envelope = await releases.ReadDocumentAsync(channel, version, SignedEnvelope.MaxLength, cancellationToken).ConfigureAwait(false);
        if (envelope is null)
        {
            return (null, NotPublished(channel, version, $"nothing was uploaded at releases/{ReleaseNames.DocumentBlob(channel, version)}"));
        }

        var (document, problem) = UploadCheck.Check(envelope, channel, version, now);
        if (document is null)
        {
            return (null, ReleaseOutcome.Refused(409, "invalid-upload", "Invalid release upload", $"releases/{ReleaseNames.DocumentBlob(channel, version)}: {problem}"));
        }

        foreach (var file in document.Files)
        {
            var length = await releases.LengthOfAsync(channel, version, file.Name, cancellationToken).ConfigureAwait(false);
            if (length != file.Length)
            {
                return (null, ReleaseOutcome.Refused(409, "invalid-upload", "Invalid release upload", length is null
                    ? $"releases/{ReleaseNames.FileBlob(channel, version, file.Name)} is missing: upload every file the release lists before publishing it."
                    : $"releases/{ReleaseNames.FileBlob(channel, version, file.Name)} is {length} bytes; the release document says {file.Length}."));
            }
        }

        return ((document, UploadCheck.Fingerprint(envelope)), null);
    }

    private static ReleaseOutcome NotPublished(string channel, string version, string why) =>
        ReleaseOutcome.Refused(404, "unknown-release", "Unknown release", $"Release {version} of channel '{channel}' is not published: {why}.");

    /// <summary>The stored release changed after publication: it is not served (a release is immutable once published).</summary>
    private static ReleaseOutcome Changed(Rollout rollout, string what) =>
        ReleaseOutcome.Refused(409, "release-changed", "Release changed after publication",
            $"Release {rollout.Version} of channel '{rollout.Channel}' is not served: {what}. A published release is never changed; upload and publish a new version.");
}
