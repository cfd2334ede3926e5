using MonitoramentoBKP.Collector.Channels.Dispatch;
using MonitoramentoBKP.Collector.Registry;

namespace MonitoramentoBKP.Functions.Alerts;

/// <summary>What a host does with a route that has no settings at all: the local host writes its messages to a folder; in Azure there is none and the route reports its missing settings.</summary>
public interface IUnconfiguredRoutes
{
    RouteChannelBinding Bind(AlertRoute route);
}
