using System.Net;
using System.Net.Sockets;

namespace MonitoramentoBKP.PriorityBench;

/// <summary>A collector that takes every manifest (202) at once, so the probe's <c>run</c> spends its time scanning.</summary>
internal sealed class Collector : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public Collector()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under the loop.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            await context.Request.InputStream.CopyToAsync(Stream.Null);
            context.Response.StatusCode = context.Request.HttpMethod == "GET" ? 404 : 202;
            context.Response.Close();
        }
    }
}
