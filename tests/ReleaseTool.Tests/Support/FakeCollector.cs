using System.Text;
using Microsoft.AspNetCore.Http;

namespace MonitoramentoBKP.ReleaseTool.Tests.Support;

/// <summary>Stands in for the collector's admin route: records each request whole and answers <see cref="Status"/> with <see cref="Body"/>.</summary>
public sealed class FakeCollector : IAsyncDisposable
{
    private readonly List<Request> _requests = [];
    private LoopbackServer? _server;

    private FakeCollector()
    {
    }

    public sealed record Request(string Method, string Path, string? AdminKey, string? ContentType, string Body);

    public int Status { get; set; } = 200;

    public string Body { get; set; } = """{"channel":"stable","version":"1.4.0","percent":20}""";

    public string BodyContentType { get; set; } = "application/json";

    public Uri Url => _server?.Url ?? throw new InvalidOperationException("Not started.");

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

    public static async Task<FakeCollector> StartAsync()
    {
        var collector = new FakeCollector();
        collector._server = await LoopbackServer.StartAsync(collector.HandleAsync);
        return collector;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        lock (_requests)
        {
            _requests.Add(new Request(context.Request.Method, context.Request.Path.Value!, context.Request.Headers["x-functions-key"].SingleOrDefault(), context.Request.ContentType, body));
        }

        context.Response.StatusCode = Status;
        context.Response.ContentType = BodyContentType;
        await context.Response.WriteAsync(Body);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
