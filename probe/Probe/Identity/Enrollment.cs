using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.Probe.Delivery;
using MonitoramentoBKP.Probe.Localization;

namespace MonitoramentoBKP.Probe.Identity;

/// <summary>
/// Makes the branch's own P-256 key pair on this machine, sends the public key with the one-time token
/// (<c>POST /api/enroll</c>, signed with the new key, which proves this machine holds it), and only once the
/// collector accepted it puts the key in place. A refused or unanswered enrollment leaves the machine as it was.
/// Used by <c>enroll</c> and <c>install</c>.
/// </summary>
public static class Enrollment
{
    public static async Task<EnrollmentResult> EnrollAsync(Uri collector, string branchId, string token, string stateDirectory, string keyFile, Messages messages, CancellationToken cancellationToken)
    {
        var store = new ProbeKeyStore(messages);
        var pending = keyFile + ".new";
        ECDsa key;
        try
        {
            Directory.CreateDirectory(stateDirectory);
            key = store.Create(pending);
        }
        catch (Exception e) when (e is ProbeKeyException or IOException or UnauthorizedAccessException)
        {
            return new EnrollmentResult(ExitCodes.BadConfiguration, null, e.Message);
        }

        var accepted = false;
        try
        {
            using (key)
            using (var http = CollectorHttp.CreateClient())
            {
                var signer = new ProbeSigner(key, branchId, ClockOffset.Load(stateDirectory), TimeProvider.System);
                var body = JsonSerializer.SerializeToUtf8Bytes(new EnrollRequest
                {
                    BranchId = branchId,
                    Token = token,
                    PublicKey = PublicKeyInfo.Export(key),
                    HostName = Environment.MachineName,
                    ProbeVersion = Commands.CommandSupport.Version,
                }, ContractsJsonContext.Default.EnrollRequest);
                var endpoint = new Uri(new Uri(collector.AbsoluteUri.TrimEnd('/') + "/"), ProbeApi.EnrollPath);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(60));
                HttpResponseMessage response;
                try
                {
                    response = await signer.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Post, endpoint)
                    {
                        Content = new ByteArrayContent(body) { Headers = { ContentType = new(ProbeApi.JsonContentType) } },
                    }, ContentDigest.Of(body), HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    return new EnrollmentResult(ExitCodes.NotDelivered, null, messages.EnrollUnreachable(collector.ToString(), e is OperationCanceledException ? "timeout" : e.Message));
                }

                using (response)
                {
                    if (response.StatusCode != HttpStatusCode.Created)
                    {
                        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                        return new EnrollmentResult(
                            (int)response.StatusCode is 408 or 429 or >= 500 ? ExitCodes.NotDelivered : ExitCodes.Refused,
                            null,
                            messages.EnrollRefused(ProblemDetail(text) ?? $"HTTP {(int)response.StatusCode}"));
                    }

                    File.Move(pending, keyFile, overwrite: true);
                    accepted = true;
                    return new EnrollmentResult(ExitCodes.Ok, signer.KeyId, null);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new EnrollmentResult(ExitCodes.OutputFailed, null, messages.CannotWriteConfig(keyFile, e.Message));
        }
        finally
        {
            if (!accepted)
            {
                TryDelete(pending);
            }
        }
    }

    /// <summary>The "detail" of a problem-details answer, or null.</summary>
    public static string? ProblemDetail(string problem)
    {
        try
        {
            using var document = JsonDocument.Parse(problem);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String
                ? detail.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover pending key is replaced by the next enrollment and never read.
        }
    }
}
