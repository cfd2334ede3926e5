using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MonitoramentoBKP.FakeChannels.Http;

/// <summary>
/// An in-process fake of an HTTP service on Kestrel, bound to a free loopback port: it records every request,
/// acts out the faults enqueued (an error status with Retry-After, a hang), and otherwise lets the service
/// check the request and answer as the real one would.
/// </summary>
public abstract class FakeHttpService : IAsyncDisposable
{
    private static readonly TimeSpan LongestHang = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private readonly List<ReceivedRequest> received = [];
    private readonly List<(ChannelFault Fault, int Left)> faults = [];
    private WebApplication? app;

    /// <summary>e.g. http://127.0.0.1:41234/</summary>
    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>A snapshot of the requests received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Received
    {
        get
        {
            lock (gate)
            {
                return [.. received];
            }
        }
    }

    /// <summary>The requests the service took (2xx).</summary>
    public IReadOnlyList<ReceivedRequest> Accepted => [.. Received.Where(r => r.Status is >= 200 and < 300)];

    public void Enqueue(ChannelFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (gate)
        {
            faults.Add((fault, fault.Count));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    protected async Task ListenAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseUri = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>The real service's answer to a request no fault caught.</summary>
    protected abstract FakeAnswer Answer(FakeRequest request);

    /// <summary>The real service's error answer for a fault's status.</summary>
    protected abstract FakeAnswer Error(int status, string? message, TimeSpan? retryAfter);

    private async Task HandleAsync(HttpContext context)
    {
        var at = DateTimeOffset.UtcNow;
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var request = new FakeRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        var fault = Take();
        if (fault is { Hang: true })
        {
            try
            {
                await Task.Delay(LongestHang, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Record(request, 499, null, fault, at);
                return;
            }
        }

        var answer = fault is { Hang: false } ? Error(fault.Status, fault.Message, fault.RetryAfter) : Answer(request);
        var headers = new Dictionary<string, string>(answer.Headers);
        if (fault?.RetryAfter is { } wait && fault.Form != RetryAfterForm.BodyOnly)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            headers["Retry-After"] = fault.Form == RetryAfterForm.Seconds
                ? seconds.ToString(CultureInfo.InvariantCulture)
                : DateTimeOffset.UtcNow.AddSeconds(seconds).ToString("R", CultureInfo.InvariantCulture);
        }

        Record(request, answer.Status, answer.Problem, fault, at);
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        if (answer.Body.Length > 0)
        {
            context.Response.ContentType = answer.ContentType;
            await context.Response.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private ChannelFault? Take()
    {
        lock (gate)
        {
            if (faults.Count == 0)
            {
                return null;
            }

            var (fault, left) = faults[0];
            if (left == 1)
            {
                faults.RemoveAt(0);
            }
            else
            {
                faults[0] = (fault, left - 1);
            }

            return fault;
        }
    }

    private void Record(FakeRequest request, int status, string? problem, ChannelFault? fault, DateTimeOffset at)
    {
        lock (gate)
        {
            received.Add(new ReceivedRequest(request.Method, request.Path, request.Query, request.Headers, request.Body, status, problem, fault?.ToString(), at));
        }
    }
}
