using System.Security.Cryptography;
using System.Text;
using MonitoramentoBKP.Collector.Channels.Dispatch;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Functions.Alerts;

namespace MonitoramentoBKP.LocalHost;

/// <summary>
/// Where a route without settings writes the messages it would send, on the local host: the LocalOutboxFolder
/// setting, or ./local-outbox under the working directory (scripts/try puts it in .try/outbox), one folder per
/// route. So a newcomer sees what managers would get without configuring any channel.
/// </summary>
public sealed class LocalOutboxFolder(string folder) : IUnconfiguredRoutes
{
    public string Folder { get; } = folder;

    public static LocalOutboxFolder Open(IConfiguration configuration) =>
        new(Path.GetFullPath(configuration["LocalOutboxFolder"] is { Length: > 0 } configured ? configured : "local-outbox", Environment.CurrentDirectory));

    public RouteChannelBinding Bind(AlertRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var into = Path.Combine(Folder, route.Id);
        return RouteChannelBinding.Of(new LocalOutboxChannel(route.Channel, into), Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("folder\n" + into))), $"folder {into}");
    }
}
