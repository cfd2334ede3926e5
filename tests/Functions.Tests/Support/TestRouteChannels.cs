using MonitoramentoBKP.Collector.Channels.Dispatch;
using MonitoramentoBKP.Collector.Registry;

namespace MonitoramentoBKP.Functions.Tests.Support;

/// <summary>One <see cref="RecordingChannel"/> per route, or a settings problem; <see cref="Fingerprint"/> stands for the route's settings.</summary>
public sealed class TestRouteChannels : IRouteChannels
{
    public Dictionary<string, RecordingChannel> Channels { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Broken { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Fingerprint { get; } = new(StringComparer.Ordinal);

    public RecordingChannel Of(string routeId, bool idempotent = false)
    {
        if (!Channels.TryGetValue(routeId, out var channel))
        {
            channel = Channels[routeId] = new RecordingChannel(idempotent: idempotent);
        }

        return channel;
    }

    public RouteChannelBinding Bind(AlertRoute route)
    {
        var print = Fingerprint.GetValueOrDefault(route.Id, "v1");
        return Broken.TryGetValue(route.Id, out var problem)
            ? RouteChannelBinding.Broken(problem, print, "nowhere")
            : RouteChannelBinding.Of(Of(route.Id), print, $"recording {route.Id}");
    }
}
