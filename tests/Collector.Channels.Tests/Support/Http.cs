using Microsoft.Extensions.DependencyInjection;
using MonitoramentoBKP.Collector.Channels.Sending;

namespace MonitoramentoBKP.Collector.Channels.Tests.Support;

/// <summary>The channels' HttpClient as production registers it (one attempt, a timeout, no redirects), with a short timeout for the hang tests.</summary>
public static class Http
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    private static readonly Lazy<IHttpClientFactory> Factory = new(() =>
        new ServiceCollection().AddChannelHttp(AttemptTimeout).BuildServiceProvider().GetRequiredService<IHttpClientFactory>());

    public static HttpClient Client() => Factory.Value.CreateClient(ChannelHttp.ClientName);

    /// <summary>A loopback port nothing listens on.</summary>
    public static Uri Nowhere()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
