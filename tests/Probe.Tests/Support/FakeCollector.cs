using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MonitoramentoBKP.Probe.Tests.Support;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 and a port of its own, standing in for the collector: it records every
/// request whole and answers from a script (then <see cref="Otherwise"/>), one request per connection. Built on
/// TcpListener so the port is the one the system gave it (no race) and an answer can be held back at will.
/// </summary>
public sealed class FakeCollector : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Queue<Reply> _script = new();
    private readonly List<Request> _requests = [];
    private readonly Task _accepting;

    public FakeCollector()
    {
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = Task.Run(AcceptAsync);
    }

    public Uri Url { get; }

    /// <summary>The answer once the script is used up.</summary>
    public Reply Otherwise { get; set; } = new(202);

    public IReadOnlyList<Request> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public void Script(params Reply[] replies)
    {
        lock (_script)
        {
            foreach (var reply in replies)
            {
                _script.Enqueue(reply);
            }
        }
    }

    /// <summary>A loopback address on which nothing listens: a connection there is refused.</summary>
    public static Uri NothingListening()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends by cancellation; nothing else to report.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream);
                Reply reply;
                lock (_script)
                {
                    reply = _script.Count > 0 ? _script.Dequeue() : Otherwise;
                }

                lock (_requests)
                {
                    _requests.Add(request);
                }

                if (reply.Stall > TimeSpan.Zero)
                {
                    await Task.Delay(reply.Stall, _stop.Token);
                }

                await stream.WriteAsync(Encode(reply), _stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client gave up (a timeout under test) or the server is stopping.
            }
        }
    }

    private static async Task<Request> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || head[^4] != '\r' || head[^3] != '\n' || head[^2] != '\r' || head[^1] != '\n')
        {
            if (await stream.ReadAsync(one) == 0)
            {
                throw new IOException("connection closed before the end of the request head");
            }

            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var start = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {value}" : value;
        }

        // The probe always sends Content-Length (its body is a file of known size); chunked bodies are not expected.
        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length, CultureInfo.InvariantCulture) : 0];
        await stream.ReadExactlyAsync(body);
        return new Request(start[0], start[1], headers, body);
    }

    private static byte[] Encode(Reply reply)
    {
        var body = Encoding.UTF8.GetBytes(reply.Body ?? "");
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {reply.Status} Scripted\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\nConnection: close\r\n");
        if (reply.Body is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Type: {reply.ContentType}\r\n");
        }

        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    /// <summary>One request as received; headers by case-insensitive name.</summary>
    public sealed record Request(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

        public string DecompressedBody()
        {
            using var gzip = new GZipStream(new MemoryStream(Body), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }

    /// <summary>A scripted answer; <paramref name="Stall"/> holds it back (the request is recorded at once).</summary>
    public sealed record Reply(
        int Status,
        string? Body = null,
        string ContentType = "application/json",
        IReadOnlyDictionary<string, string>? Headers = null,
        TimeSpan Stall = default);
}
