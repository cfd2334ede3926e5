namespace MonitoramentoBKP.Collector.Registry;

/// <summary>The kind of channel a route sends on; its address and secrets are app settings, never the registry.</summary>
public enum RouteChannel
{
    Email,
    GoogleChat,
    Teams,
    Telegram,
    Webhook,
}
