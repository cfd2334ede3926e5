using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace MonitoramentoBKP.Collector.Channels.Sending;

/// <summary>
/// The HttpClient the chat and webhook channels post with: one attempt per send with a timeout (retries are the
/// dispatcher's, which knows whether a resend may show a message twice), and redirects not followed (a webhook
/// URL that moved is a setting to fix, and a POST must not silently become a GET). Request logging is off: a
/// Telegram URL holds the bot's token and a Chat webhook URL its key and token, and neither belongs in a log.
/// </summary>
public static class ChannelHttp
{
    public const string ClientName = "bkp-channels";

    public static IServiceCollection AddChannelHttp(this IServiceCollection services, TimeSpan attemptTimeout)
    {
        services.AddHttpClient(ClientName)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddResilienceHandler("bkp-channels", pipeline => pipeline.AddTimeout(attemptTimeout));
        return services;
    }
}
