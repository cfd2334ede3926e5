using MonitoramentoBKP.Collector.Registry;

namespace MonitoramentoBKP.Collector.Channels.Dispatch;

/// <summary>Finds the channel a route sends on from its settings, read anew each time so a fixed setting takes effect without a restart.</summary>
public interface IRouteChannels
{
    RouteChannelBinding Bind(AlertRoute route);
}
