using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.Probe.Platform;

namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>
/// Fetches the branch's policy (<c>GET /api/probe/policy</c>, signed) and keeps it in the state folder as
/// <c>policy.json</c>, written to a temporary file and renamed (never half-written). Asks with the kept version
/// (<c>If-None-Match</c>), so an unchanged policy costs no body; when the collector cannot be reached, the kept copy
/// is used, so an offline probe still scans what the registry last said.
/// </summary>
public sealed class PolicyClient(HttpClient http, Uri collector, ProbeSigner signer, string stateDirectory)
{
    public const string FileName = "policy.json";

    private static readonly string EmptyDigest = ContentDigest.Of([]);

    /// <summary>A policy is a few KB; an answer past this is not one.</summary>
    private const int MaxPolicyBytes = 1024 * 1024;

    public sealed record Result(ProbePolicy? Policy, PolicySource Source, string? Problem);

    public string CachePath => Path.Combine(stateDirectory, FileName);

    public async Task<Result> FetchAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var cached = ReadCache();
        var endpoint = new Uri(new Uri(collector.AbsoluteUri.TrimEnd('/') + "/"), ProbeApi.PolicyPath);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await signer.SendAsync(http, () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
                if (cached is not null)
                {
                    request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{cached.Version}\""));
                }

                return request;
            }, EmptyDigest, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);

            if (response.StatusCode == HttpStatusCode.NotModified && cached is not null)
            {
                return new Result(cached, PolicySource.Collector, null);
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                return new Result(cached, PolicySource.Cache, $"HTTP {(int)response.StatusCode}");
            }

            await response.Content.LoadIntoBufferAsync(MaxPolicyBytes, deadline.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
            var policy = JsonSerializer.Deserialize(bytes, ContractsJsonContext.Default.ProbePolicy);
            if (policy is null || !string.Equals(policy.BranchId, signer.BranchId, StringComparison.OrdinalIgnoreCase))
            {
                return new Result(cached, PolicySource.Cache, $"the collector's policy is for branch '{policy?.BranchId}'");
            }

            Keep(bytes);
            return new Result(policy, PolicySource.Collector, null);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new Result(cached, PolicySource.Cache, e is OperationCanceledException ? "timeout" : e.Message);
        }
    }

    public ProbePolicy? ReadCache() => ReadCache(stateDirectory);

    /// <summary>The policy kept in <paramref name="stateDirectory"/>; null when there is none or it cannot be read (the next fetch replaces it).</summary>
    public static ProbePolicy? ReadCache(string stateDirectory)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(stateDirectory, FileName)), ContractsJsonContext.Default.ProbePolicy);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The policy fetched is used for this run whatever happens here; a failure only makes the offline copy older.</summary>
    private void Keep(byte[] bytes)
    {
        try
        {
            Directory.CreateDirectory(stateDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        AtomicFile.TryWrite(CachePath, bytes);
    }
}
