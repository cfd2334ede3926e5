using System.Net;
using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.Probe.Delivery;

namespace MonitoramentoBKP.Probe.Update;

/// <summary>
/// One look for an update, and its installation: first takes in a new rotation of the release keys the collector
/// serves (<see cref="KeyListFetch"/>), then asks the collector which release this branch should run
/// (<c>GET api/probe/update?channel=</c>, signed), verifies it with the keys then in force (<see cref="ReleaseVerifier"/>), downloads this
/// runtime's file into <c>staging/</c> reading no more than it declares (<see cref="BoundedDownload"/>), runs its
/// self-test (<see cref="SelfTestRunner"/>) and swaps it in (<see cref="ProgramSwap"/>). A refusal or a failed
/// self-test is kept as the latest update event, which the next manifest carries; the version in place is only
/// touched by the swap, after every check passed.
/// </summary>
public sealed class Updater(HttpClient http, ProbeSigner signer, UpdateSettings settings, TimeProvider time, Action<string>? reach = null)
{
    private static readonly string EmptyDigest = ContentDigest.Of([]);
    private readonly Action<string> _reach = reach ?? UpdateFaults.Reach;

    /// <param name="apply">False for <c>update --check</c>: verify what is offered, download nothing.</param>
    public async Task<UpdateAttempt> RunAsync(bool apply, CancellationToken cancellationToken)
    {
        using var rotated = await new KeyListFetch(http, signer, settings, time).RefreshAsync(cancellationToken).ConfigureAwait(false);
        var keys = rotated ?? settings.Keys;
        var offered = await FetchOfferAsync(cancellationToken).ConfigureAwait(false);
        if (offered.Envelope is not { } envelope)
        {
            return offered.Attempt!;
        }

        var running = ReleaseVersion.TryParse(settings.RunningVersion, out var current) ? current : null;
        var highest = UpdateStore.HighestAccepted(settings.StateDirectory);
        if (running is not null && (highest is null || running > highest))
        {
            highest = running;
        }

        var check = ReleaseVerifier.VerifyRelease(envelope, keys.Keys, settings.Channel, settings.Runtime, highest, time.GetUtcNow().UtcDateTime);
        var version = check.Document is { } document && ReleaseVersion.TryParse(document.Version, out var parsed) ? parsed : null;
        if (version is not null && running is not null && version == running)
        {
            return new UpdateAttempt(UpdateStatus.AlreadyCurrent, version.Text);
        }

        if (version is not null && UpdateStore.IsBad(settings.StateDirectory, version))
        {
            return new UpdateAttempt(UpdateStatus.KnownBad, version.Text);
        }

        if (check.Refusal is { } refusal)
        {
            return Refused(version?.Text ?? UnverifiedVersion(envelope), refusal);
        }

        if (!apply)
        {
            return new UpdateAttempt(UpdateStatus.Available, version!.Text);
        }

        return await InstallAsync(version!, check.File!, cancellationToken).ConfigureAwait(false);
    }

    private sealed record Offer(byte[]? Envelope, UpdateAttempt? Attempt);

    private async Task<Offer> FetchOfferAsync(CancellationToken cancellationToken)
    {
        var endpoint = new Uri(Base(), $"{ProbeApi.UpdatePath}?channel={Uri.EscapeDataString(settings.Channel)}");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.CheckTimeout);
        try
        {
            using var response = await signer.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Get, endpoint), EmptyDigest, HttpCompletionOption.ResponseHeadersRead, deadline.Token)
                .ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return new Offer(null, new UpdateAttempt(UpdateStatus.NothingOffered));
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                return new Offer(null, new UpdateAttempt(UpdateStatus.Unreachable, Detail: $"HTTP {(int)response.StatusCode} from {ProbeApi.UpdatePath}"));
            }

            return new Offer(await ReadEnvelopeAsync(response, deadline.Token).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new Offer(null, new UpdateAttempt(UpdateStatus.Unreachable, Detail: e is OperationCanceledException ? "timeout" : e.Message));
        }
    }

    /// <summary>A signed document's body, read no further than one byte past <see cref="SignedEnvelope.MaxLength"/>: enough for the verifier to refuse it as too large.</summary>
    internal static async Task<byte[]> ReadEnvelopeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[SignedEnvelope.MaxLength + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        return buffer[..length];
    }

    private async Task<UpdateAttempt> InstallAsync(ReleaseVersion version, ReleaseFile file, CancellationToken cancellationToken)
    {
        var program = settings.Program;
        try
        {
            Directory.CreateDirectory(program.Staging);
            File.Delete(program.Staged);
            var (refusal, unreachable) = await DownloadAsync(version, file, cancellationToken).ConfigureAwait(false);
            if (unreachable is not null)
            {
                return new UpdateAttempt(UpdateStatus.Unreachable, version.Text, unreachable);
            }

            if (refusal is not null)
            {
                return Refused(version.Text, refusal);
            }

            _reach("download:saved");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(program.Staged, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                    | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }

            _reach("selftest:started");
            if (await SelfTestRunner.RunAsync(program.Staged, settings.ConfigPath, version.Text, settings.SelfTestTimeout, cancellationToken).ConfigureAwait(false) is { } failure)
            {
                File.Delete(program.Staged);
                UpdateStore.MarkBad(settings.StateDirectory, version.Text);
                Report(UpdateOutcome.SelfTestFailed, version.Text, failure);
                return new UpdateAttempt(UpdateStatus.SelfTestFailed, version.Text, failure);
            }

            _reach("selftest:passed");
            new ProgramSwap(program, settings.StateDirectory, time, _reach).Install(version, settings.RunningVersion, settings.SkipNextRecover);
            return new UpdateAttempt(UpdateStatus.Installed, version.Text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new UpdateAttempt(UpdateStatus.Failed, version.Text, e.Message);
        }
    }

    /// <summary>
    /// Fetches the file into <see cref="ProgramFolder.Staged"/>: a refusal (too long, too short, wrong hash), or the
    /// reason it could not be fetched, or neither when the staged file holds exactly the release's bytes. A redirect
    /// (to a short-lived storage URL) is followed once, without the branch's signature headers.
    /// </summary>
    private async Task<(ReleaseRefusal? Refusal, string? Unreachable)> DownloadAsync(ReleaseVersion version, ReleaseFile file, CancellationToken cancellationToken)
    {
        var endpoint = new Uri(Base(), ProbeApi.ReleaseFilePath(version.Text, file.Name));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.DownloadTimeout);
        try
        {
            using var signed = await signer.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Get, endpoint), EmptyDigest, HttpCompletionOption.ResponseHeadersRead, deadline.Token)
                .ConfigureAwait(false);
            HttpResponseMessage? redirected = null;
            if ((int)signed.StatusCode is 301 or 302 or 303 or 307 or 308)
            {
                if (RedirectTarget(signed, endpoint) is not { } location)
                {
                    return (null, $"HTTP {(int)signed.StatusCode} for {file.Name} without a usable https Location");
                }

                using var plain = new HttpRequestMessage(HttpMethod.Get, location);
                redirected = await http.SendAsync(plain, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            }

            using (redirected)
            {
                var response = redirected ?? signed;
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return (null, $"HTTP {(int)response.StatusCode} for {file.Name}");
                }

                if (response.Content.Headers.ContentLength is { } announced && announced > file.Length)
                {
                    return (new ReleaseRefusal(ReleaseRefusalKind.TooLong, $"The server announces {announced:N0} bytes for {file.Name}; the release declares {file.Length:N0}. Nothing was read."), null);
                }

                _reach("download:started");
                await using var body = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
                return (await BoundedDownload.SaveAsync(body, settings.Program.Staged, file.Length, file.Sha256, deadline.Token).ConfigureAwait(false), null);
            }
        }
        catch (Exception e) when (e is HttpRequestException or HttpIOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, e is OperationCanceledException ? $"the download did not finish within {settings.DownloadTimeout.TotalMinutes:0} min" : e.Message);
        }
    }

    /// <summary>Where a redirect points, when it may be followed: https, or http when the collector itself is http (a local test bench).</summary>
    private Uri? RedirectTarget(HttpResponseMessage response, Uri from)
    {
        if (response.Headers.Location is not { } location)
        {
            return null;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(from, location);
        return target.Scheme == Uri.UriSchemeHttps || (target.Scheme == Uri.UriSchemeHttp && settings.Collector.Scheme == Uri.UriSchemeHttp) ? target : null;
    }

    private UpdateAttempt Refused(string version, ReleaseRefusal refusal)
    {
        var detail = $"{refusal.Kind}: {refusal.Reason}";
        Report(UpdateOutcome.Refused, version, detail);
        return new UpdateAttempt(UpdateStatus.Refused, version, detail);
    }

    private void Report(UpdateOutcome outcome, string version, string detail) =>
        UpdateStore.WriteReport(settings.StateDirectory, new UpdateReport
        {
            Outcome = outcome,
            Version = version,
            PreviousVersion = settings.RunningVersion,
            AtUtc = time.GetUtcNow().UtcDateTime,
            Detail = detail,
        });

    private Uri Base() => new(settings.Collector.AbsoluteUri.TrimEnd('/') + "/");

    /// <summary>
    /// The version a refused document claims, read without trusting it, so the report names what was refused; "0.0.0"
    /// when it claims none that parses (the detail says why it was refused).
    /// </summary>
    private static string UnverifiedVersion(byte[] envelope)
    {
        try
        {
            if (SignedEnvelope.TryParse(envelope, out var parsed, out _))
            {
                using var document = JsonDocument.Parse(parsed.Signed);
                if (document.RootElement.TryGetProperty("version", out var claimed) && claimed.ValueKind == JsonValueKind.String
                    && ReleaseVersion.TryParse(claimed.GetString(), out var version))
                {
                    return version.Text;
                }
            }
        }
        catch (JsonException)
        {
        }

        return "0.0.0";
    }
}
