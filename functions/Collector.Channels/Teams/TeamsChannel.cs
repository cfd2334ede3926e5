using System.Text.Json.Nodes;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Channels.Sending;

namespace MonitoramentoBKP.Collector.Channels.Teams;

/// <summary>
/// Posts an Adaptive Card to a Teams Workflows webhook (the flow answers 202 when it has taken the request).
/// Guarantee: at least once, not idempotent (the flow posts whatever it gets); a resend after an uncertain
/// outcome shows the same event id at the card's foot, so a reader can tell the repeat. Teams cards have no
/// threads: each message stands alone. No rate limit is published for Workflows; a 429's Retry-After is honoured.
/// </summary>
public sealed class TeamsChannel : INotificationChannel
{
    private readonly HttpExchange exchange;
    private readonly TeamsSettings settings;

    public TeamsChannel(HttpClient http, TeamsSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        this.settings = settings;
        exchange = new HttpExchange(http, time, "Teams Workflows");
    }

    public string Kind => "teams";

    public IReadOnlyList<RateLimit> Limits => [];

    public bool Idempotent => false;

    public Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken) =>
        exchange.PostAsync(
            settings.WebhookUrl,
            TeamsFormatter.Format(message).ToJsonString(ChannelJson.Options),
            [],
            body => JsonNode.Parse(body)?["error"] is { } error ? $"{error["code"]?.GetValue<string>()} {error["message"]?.GetValue<string>()}".Trim() : null,
            null,
            status => status is 401 or 403 or 404 ? " (check the Workflows URL: the flow may have been turned off, deleted or its owner removed)" : "",
            cancellationToken);
}
