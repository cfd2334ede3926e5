using System.Net;

namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>The one HTTP client of a probe process.</summary>
public static class CollectorHttp
{
    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        // A redirect would turn the POST into a GET and carry the function key to wherever it points: a wrong
        // address is reported, not followed.
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        // Each attempt has its own timeout (DeliveryOptions.AttemptTimeout), which the sender tells apart from a refusal.
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
