using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Delivery;
using MonitoramentoBKP.Probe.Identity;
using MonitoramentoBKP.Probe.Localization;

namespace MonitoramentoBKP.Probe.Install;

/// <summary>
/// Tells the collector the probe is being uninstalled (<c>POST api/probe/uninstalled</c>, signed, empty body), so the
/// branch shows "probe uninstalled" rather than going silent. Needs the branch's key, so it runs as the account
/// that can open it.
/// </summary>
public static class UninstallNotice
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Null when the collector took the notice; else why not, in one line.</summary>
    public static async Task<string?> SendAsync(string configPath, CancellationToken cancellationToken)
    {
        ProbeConfig config;
        try
        {
            config = ConfigLoader.Load(new ConfigOverrides { ConfigPath = configPath }, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory(), setsRequired: false);
        }
        catch (ConfigException e)
        {
            return e.Message;
        }

        if (config.CollectorUrl is not { } collector)
        {
            return new Messages(config.Language).CollectorUrlRequired;
        }

        System.Security.Cryptography.ECDsa key;
        try
        {
            key = new ProbeKeyStore(new Messages(config.Language)).Load(config.KeyFile);
        }
        catch (ProbeKeyException e)
        {
            return e.Message;
        }

        using (key)
        using (var http = CollectorHttp.CreateClient())
        {
            var signer = new ProbeSigner(key, config.BranchId, ClockOffset.Load(config.StateDirectory), TimeProvider.System);
            var endpoint = new Uri(new Uri(collector.AbsoluteUri.TrimEnd('/') + "/"), ProbeApi.UninstalledPath);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                using var response = await signer.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent([]) },
                    ContentDigest.Of([]), HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return null;
                }

                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                return Enrollment.ProblemDetail(text) ?? $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return $"{collector}: {(e is OperationCanceledException ? "timeout" : e.Message)}";
            }
        }
    }
}
