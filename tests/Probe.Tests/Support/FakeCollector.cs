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

    /// <summary>
    /// The collector's clock: sent as every answer's Date; a signature created more than five minutes from it is
    /// answered 401 clock-skew, as the collector does. Null: the machine's clock, and no check.
    /// </summary>
    public Func<DateTimeOffset>? Clock { get; set; }

    /// <summary>The answer to GET /api/probe/policy (its JSON); null answers 404, so the probe falls back to its own sets.</summary>
    public string? Policy { get; set; }

    /// <summary>Policy requests, kept apart from <see cref="Requests"/> (the manifests).</summary>
    public IReadOnlyList<Request> PolicyRequests
    {
        get
        {
            lock (_requests)
            {
                return [.. _policyRequests];
            }
        }
    }

    private readonly List<Request> _policyRequests = [];

    /// <summary>The answer to GET /api/probe/update (the envelope's bytes, 200); null answers 204, no update.</summary>
    public byte[]? UpdateEnvelope { get; set; }

    /// <summary>
    /// The answer to GET /api/probe/keys, the key rotation's bytes: 200 with their SHA-256 as the ETag, 304 to an
    /// If-None-Match naming it, as the collector answers; null answers 204, no rotation.
    /// </summary>
    public byte[]? KeysEnvelope { get; set; }

    /// <summary>When set, GET /api/probe/keys answers this status with no body instead (a collector in trouble).</summary>
    public int? KeysStatus { get; set; }

    /// <summary>Key rotation requests, kept apart from <see cref="Requests"/> (the manifests) and <see cref="UpdateRequests"/>.</summary>
    public IReadOnlyList<Request> KeysRequests
    {
        get
        {
            lock (_requests)
            {
                return [.. _keysRequests];
            }
        }
    }

    private readonly List<Request> _keysRequests = [];

    /// <summary>
    /// Release files by "{version}/{name}", served at /api/probe/releases/{version}/{name}; an unknown one is 404.
    /// </summary>
    public Dictionary<string, ReleaseFileReply> ReleaseFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>Update checks and release file requests (the redirected ones too), kept apart from <see cref="Requests"/> (the manifests).</summary>
    public IReadOnlyList<Request> UpdateRequests
    {
        get
        {
            lock (_requests)
            {
                return [.. _updateRequests];
            }
        }
    }

    private readonly List<Request> _updateRequests = [];

    /// <summary>Requests refused for their clock, in order.</summary>
    public IReadOnlyList<Request> SkewRefused
    {
        get
        {
            lock (_requests)
            {
                return [.. _skewRefused];
            }
        }
    }

    private readonly List<Request> _skewRefused = [];

    /// <summary>The answer once the script is used up.</summary>
    public Reply Otherwise { get; set; } = new(202);

    /// <summary>Answer 200 to a run id already taken (2xx), before any script, as the real collector's dedup does.</summary>
    public bool RemembersRuns { get; set; }

    /// <summary>Run ids (X-Bkp-Run-Id) taken, in order: each answered 2xx, except a repeat that <see cref="RemembersRuns"/> answered 200. A run taken twice shows twice.</summary>
    public IReadOnlyList<string> Accepted
    {
        get
        {
            lock (_requests)
            {
                return [.. _accepted];
            }
        }
    }

    private readonly List<string> _accepted = [];

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
                var runId = request.Header("X-Bkp-Run-Id") ?? "";
                var now = Clock?.Invoke() ?? DateTimeOffset.UtcNow;
                var date = new Dictionary<string, string> { ["Date"] = now.ToString("R", CultureInfo.InvariantCulture) };
                Reply reply;
                if (Clock is not null && Created(request) is { } created && (created - now).Duration() > TimeSpan.FromMinutes(5))
                {
                    lock (_requests)
                    {
                        _skewRefused.Add(request);
                    }

                    await stream.WriteAsync(Encode(new Reply(401, """{"type":"https://monitoramentobkp.example/problems/clock-skew","title":"Clock skew"}""", "application/problem+json", date)), _stop.Token);
                    return;
                }

                if (request.Method == "GET" && request.Target.StartsWith("/api/probe/policy", StringComparison.Ordinal))
                {
                    lock (_requests)
                    {
                        _policyRequests.Add(request);
                    }

                    await stream.WriteAsync(Encode(Policy is null ? new Reply(404, Headers: date) : new Reply(200, Policy, Headers: date)), _stop.Token);
                    return;
                }

                if (request.Method == "GET" && request.Target.StartsWith("/api/probe/keys", StringComparison.Ordinal))
                {
                    lock (_requests)
                    {
                        _keysRequests.Add(request);
                    }

                    await stream.WriteAsync(KeysReply(request, date), _stop.Token);
                    return;
                }

                if (request.Method == "GET" && (request.Target.StartsWith("/api/probe/update", StringComparison.Ordinal)
                    || request.Target.StartsWith("/api/probe/releases/", StringComparison.Ordinal) || request.Target.StartsWith("/sas/", StringComparison.Ordinal)))
                {
                    lock (_requests)
                    {
                        _updateRequests.Add(request);
                    }

                    await ServeReleaseAsync(stream, request, date);
                    return;
                }

                lock (_requests)
                {
                    var known = RemembersRuns && _accepted.Contains(runId);
                    lock (_script)
                    {
                        reply = known ? new Reply(200) : _script.Count > 0 ? _script.Dequeue() : Otherwise;
                    }

                    _requests.Add(request);
                    if (reply.Status is >= 200 and < 300 && !known)
                    {
                        _accepted.Add(runId);
                    }
                }

                if (reply.Stall > TimeSpan.Zero)
                {
                    await Task.Delay(reply.Stall, _stop.Token);
                }

                var headers = new Dictionary<string, string>(reply.Headers ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
                headers.TryAdd("Date", date["Date"]);
                await stream.WriteAsync(Encode(reply with { Headers = headers }), _stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client gave up (a timeout under test) or the server is stopping.
            }
        }
    }

    /// <summary>The update route and release files: bytes as given, endless data, or a redirect to an unsigned /sas/ address.</summary>
    private async Task ServeReleaseAsync(NetworkStream stream, Request request, Dictionary<string, string> date)
    {
        if (request.Target.StartsWith("/api/probe/update", StringComparison.Ordinal))
        {
            var envelope = UpdateEnvelope;
            await stream.WriteAsync(envelope is null ? Encode(new Reply(204, Headers: date)) : Head(200, envelope.Length, "application/json").Concat(envelope).ToArray(), _stop.Token);
            return;
        }

        var redirected = request.Target.StartsWith("/sas/", StringComparison.Ordinal);
        var key = Uri.UnescapeDataString(redirected ? request.Target["/sas/".Length..] : request.Target["/api/probe/releases/".Length..]);
        if (!ReleaseFiles.TryGetValue(key, out var file))
        {
            await stream.WriteAsync(Encode(new Reply(404, Headers: date)), _stop.Token);
            return;
        }

        if (file.Redirect && !redirected)
        {
            await stream.WriteAsync(Encode(new Reply(302, Headers: new Dictionary<string, string>(date) { ["Location"] = $"{Url}sas/{key}" })), _stop.Token);
            return;
        }

        if (file.Endless)
        {
            // No length announced: the probe must stop reading on its own. Ends when the probe hangs up.
            await stream.WriteAsync(Head(200, null, "application/octet-stream"), _stop.Token);
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'x');
            while (!_stop.IsCancellationRequested)
            {
                await stream.WriteAsync(chunk, _stop.Token);
                Interlocked.Add(ref _endlessBytesSent, chunk.Length);
            }

            return;
        }

        await stream.WriteAsync(Head(200, file.Content.Length, "application/octet-stream"), _stop.Token);
        await stream.WriteAsync(file.Content, _stop.Token);
    }

    private byte[] KeysReply(Request request, Dictionary<string, string> date)
    {
        if (KeysStatus is { } status)
        {
            return Encode(new Reply(status, Headers: date));
        }

        if (KeysEnvelope is not { } envelope)
        {
            return Encode(new Reply(204, Headers: date));
        }

        var etag = $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(envelope))}\"";
        return request.Header("If-None-Match") == etag
            ? Encode(new Reply(304, Headers: new Dictionary<string, string>(date) { ["ETag"] = etag }))
            : [.. Encoding.ASCII.GetBytes($"HTTP/1.1 200 Scripted\r\nContent-Length: {envelope.Length}\r\nContent-Type: application/json\r\nETag: {etag}\r\nConnection: close\r\nDate: {date["Date"]}\r\n\r\n"), .. envelope];
    }

    private long _endlessBytesSent;

    /// <summary>What the endless files wrote before the probe hung up (the socket's buffers hold some of it).</summary>
    public long EndlessBytesSent => Interlocked.Read(ref _endlessBytesSent);

    private static byte[] Head(int status, long? length, string contentType) => Encoding.ASCII.GetBytes(
        $"HTTP/1.1 {status} Scripted\r\n{(length is { } n ? $"Content-Length: {n}\r\n" : "")}Content-Type: {contentType}\r\nConnection: close\r\nDate: {DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture)}\r\n\r\n");

    /// <summary>The signature's created parameter, as the collector reads it; null when the request carries none.</summary>
    private static DateTimeOffset? Created(Request request) =>
        Contracts.Signing.SignatureInput.TryParse(request.Header("Signature-Input"), request.Header("Signature"), out var parsed, out _) ? parsed.Created : null;

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

    /// <summary>A release file as served: its bytes; or data without end (<paramref name="Endless"/>); or, with <paramref name="Redirect"/>, a 302 to an unsigned /sas/ address that serves them.</summary>
    public sealed record ReleaseFileReply(byte[] Content, bool Endless = false, bool Redirect = false);

    /// <summary>A scripted answer; <paramref name="Stall"/> holds it back (the request is recorded at once).</summary>
    public sealed record Reply(
        int Status,
        string? Body = null,
        string ContentType = "application/json",
        IReadOnlyDictionary<string, string>? Headers = null,
        TimeSpan Stall = default);
}
