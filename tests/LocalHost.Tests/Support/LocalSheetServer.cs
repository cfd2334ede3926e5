using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MonitoramentoBKP.LocalHost.LocalSheet;

namespace MonitoramentoBKP.LocalHost.Tests.Support;

/// <summary>The local sheet's page on a real Kestrel on a loopback port of its own, mapped as the local host maps it.</summary>
public sealed class LocalSheetServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalSheetServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<LocalSheetServer> StartAsync(LocalSheetWriter sheet, int refreshSeconds = LocalSheetPage.DefaultRefreshSeconds)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapLocalSheet("/", sheet, refreshSeconds);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new LocalSheetServer(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
