using System.Text.Json.Nodes;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Channels.Sending;

namespace MonitoramentoBKP.Collector.Channels.GoogleChat;

/// <summary>
/// Posts to a Chat space's incoming webhook, with <c>messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD</c>
/// added to its URL so a message with the incident's threadKey replies in that thread (or starts it). Guarantee:
/// at least once, not idempotent (a webhook cannot name the message it creates); a resend after an uncertain
/// outcome lands in the same thread with the same event id in its text, so a reader can tell the repeat. Limit:
/// about one message per second per space.
/// </summary>
public sealed class GoogleChatChannel : INotificationChannel
{
    public const string ReplyOption = "messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD";

    private readonly HttpExchange exchange;
    private readonly Uri url;

    public GoogleChatChannel(HttpClient http, GoogleChatSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        url = WithReplyOption(settings.WebhookUrl);
        exchange = new HttpExchange(http, time, "Google Chat");
    }

    public string Kind => "google-chat";

    public IReadOnlyList<RateLimit> Limits { get; } = [new(1, TimeSpan.FromSeconds(1), "per space")];

    public bool Idempotent => false;

    /// <summary>The webhook URL with the reply option in its query (replacing one that was there).</summary>
    public static Uri WithReplyOption(Uri webhook)
    {
        var kept = webhook.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("messageReplyOption=", StringComparison.Ordinal));
        return new UriBuilder(webhook) { Query = string.Join('&', kept.Append(ReplyOption)) }.Uri;
    }

    public Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken) =>
        exchange.PostAsync(
            url,
            GoogleChatFormatter.Format(message).ToJsonString(ChannelJson.Options),
            [],
            body => JsonNode.Parse(body)?["error"] is { } error ? $"{error["status"]?.GetValue<string>()} {error["message"]?.GetValue<string>()}".Trim() : null,
            null,
            status => status is 400 or 401 or 403 or 404 ? " (check the space's webhook URL: it may have been deleted or its key changed)" : "",
            cancellationToken);
}
