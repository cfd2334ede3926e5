using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using MonitoramentoBKP.FakeGoogle.Auth;
using MonitoramentoBKP.FakeGoogle.Discovery;
using MonitoramentoBKP.FakeGoogle.Model;
using MonitoramentoBKP.FakeGoogle.Sheets;

namespace MonitoramentoBKP.FakeGoogle;

/// <summary>
/// The fake Google the collector's tests run against: Google's OAuth token endpoint for a service account and the
/// Sheets API v4, on an in-process Kestrel bound to a free loopback port. Every Sheets request is checked against
/// Google's discovery document, so a request Google would refuse fails here, in a test, not in production.
/// </summary>
public sealed class FakeGoogleServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions ResponseJson = new() { WriteIndented = true };

    private readonly WebApplication app;
    private readonly ServiceAccount account = new();
    private readonly TokenService tokens;
    private readonly SheetsEndpoint sheets;
    private readonly FaultQueue faults = new();
    private readonly ConcurrentDictionary<string, FakeSpreadsheet> spreadsheets = new(StringComparer.Ordinal);
    private readonly Lock requestsGate = new();
    private readonly List<RecordedRequest> requests = [];

    private FakeGoogleServer(WebApplication app, Uri baseUri)
    {
        this.app = app;
        BaseUri = baseUri;
        TokenUri = new Uri(baseUri, "token");
        tokens = new TokenService(account, TokenUri, TimeProvider.System);
        sheets = new SheetsEndpoint(tokens, id => spreadsheets.GetValueOrDefault(id), baseUri);
        ServiceAccountKeyJson = account.KeyJson(TokenUri);
    }

    /// <summary>e.g. http://127.0.0.1:41234/ — the Sheets API lives at {BaseUri}v4/spreadsheets/...</summary>
    public Uri BaseUri { get; }

    /// <summary>{BaseUri}token, the key's token_uri; a JWT may name it or Google's own token URL as its audience.</summary>
    public Uri TokenUri { get; }

    /// <summary>A service account JSON key whose token_uri is <see cref="TokenUri"/>.</summary>
    public string ServiceAccountKeyJson { get; }

    /// <summary>The service account's e-mail (client_email of the key).</summary>
    public string ServiceAccountEmail => account.ClientEmail;

    /// <summary>Successful token grants so far.</summary>
    public int TokenRequests => tokens.Grants;

    /// <summary>A snapshot of every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (requestsGate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Times left of enqueued faults that have not acted yet.</summary>
    public int PendingFaults => faults.Pending;

    public static async Task<FakeGoogleServer> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeGoogleServer? server = null;
        // No request can arrive before the port is known, which is after the server object exists.
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server = new FakeGoogleServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>A new spreadsheet with one sheet, "Sheet1" (sheetId 0, 1000 rows by 26 columns); returns its id.</summary>
    public string CreateSpreadsheet(string title = "Backups")
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(33)).Replace('+', '-').Replace('/', '_');
        var state = new SpreadsheetState(id, title);
        state.Sheets.Add(new SheetState(0, "Sheet1", 0));
        spreadsheets[id] = new FakeSpreadsheet(state);
        return id;
    }

    public FakeSpreadsheet Spreadsheet(string id) =>
        spreadsheets.TryGetValue(id, out var spreadsheet) ? spreadsheet : throw new KeyNotFoundException($"No spreadsheet {id}.");

    public void Enqueue(FakeFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        faults.Enqueue(fault);
    }

    /// <summary>Every token issued so far stops working (401); the client must get a new one.</summary>
    public void RevokeTokens() => tokens.RevokeAll();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? target : target[..queryStart];
        var query = queryStart < 0 ? string.Empty : target[queryStart..];
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var body = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var method = context.Request.Method;
        var route = rawPath.StartsWith("/v4/", StringComparison.Ordinal) ? sheets.Route(method, rawPath) : null;
        var incoming = new IncomingRequest(method, Uri.UnescapeDataString(rawPath), rawPath, query, body, context.Request.ContentType, route?.Method.Id);
        var fault = faults.Take(incoming);
        ApiResponse response;
        try
        {
            if (fault is { Delay.Ticks: > 0 })
            {
                await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
            }
            response = fault?.Kind == FaultKind.Fail ? fault.Response() : Answer(incoming, route, context.Request.Headers.Authorization);
            if (fault?.Kind == FaultKind.ApplyThenFail && response.Succeeded)
            {
                response = fault.Response();
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            Record(incoming, (int)buffer.Length, 499, fault, receivedAt, string.Empty);
            return;
        }
        var text = response.Body?.ToJsonString(ResponseJson) ?? string.Empty;
        Record(incoming, (int)buffer.Length, response.Status, fault, receivedAt, text);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }
        context.Response.ContentType = "application/json; charset=UTF-8";
        await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
    }

    private ApiResponse Answer(IncomingRequest incoming, (DiscoveryMethod Method, IReadOnlyDictionary<string, string> PathValues)? route, string? authorization)
    {
        if (incoming.RawPath == "/token")
        {
            return tokens.Grant(incoming.Method, incoming.ContentType, incoming.Body);
        }
        if (incoming.RawPath.StartsWith("/v4/", StringComparison.Ordinal))
        {
            return sheets.Execute(route, incoming, authorization);
        }
        return ApiResponse.Error(404, $"The requested URL {incoming.Path} was not found on this server.");
    }

    private void Record(IncomingRequest incoming, int length, int status, FakeFault? fault, DateTimeOffset receivedAt, string responseBody)
    {
        lock (requestsGate)
        {
            requests.Add(new RecordedRequest(incoming.Method, incoming.Path, incoming.RawPath, incoming.Query, incoming.Body, length,
                incoming.ContentType, status, incoming.Operation, fault?.ToString(), receivedAt, responseBody));
        }
    }
}
