using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Channels.Sending;

namespace MonitoramentoBKP.Collector.Channels.Telegram;

/// <summary>
/// Sends through the Bot API's <c>sendMessage</c> (POST {api}/bot{token}/sendMessage, JSON, HTML parse mode, link
/// previews off). Guarantee: at least once, not idempotent (the Bot API has no idempotency key); a resend after an
/// uncertain outcome shows the same event id in its last line, so a reader can tell the repeat. Limits: Telegram
/// allows about 1 message per second in one chat and 20 per minute in a group; both are paced for, as the chat's
/// kind is not known here. A 429's wait comes from Retry-After or the body's <c>parameters.retry_after</c>.
/// </summary>
public sealed class TelegramChannel : INotificationChannel
{
    private readonly HttpExchange exchange;
    private readonly TelegramSettings settings;

    public TelegramChannel(HttpClient http, TelegramSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        this.settings = settings;
        exchange = new HttpExchange(http, time, "Telegram");
    }

    public string Kind => "telegram";

    public IReadOnlyList<RateLimit> Limits { get; } =
    [
        new(1, TimeSpan.FromSeconds(1), "per chat"),
        new(20, TimeSpan.FromMinutes(1), "per group"),
    ];

    public bool Idempotent => false;

    /// <summary>The sendMessage body: the chat (a number when it is one), the HTML text, no link preview.</summary>
    public static string Body(string chatId, ChannelMessage message) => new JsonObject
    {
        ["chat_id"] = long.TryParse(chatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : chatId,
        ["text"] = TelegramFormatter.Format(message),
        ["parse_mode"] = "HTML",
        ["link_preview_options"] = new JsonObject { ["is_disabled"] = true },
    }.ToJsonString(ChannelJson.Options);

    public Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken) =>
        exchange.PostAsync(
            new Uri(settings.ApiBase, $"./bot{settings.BotToken}/sendMessage"),
            Body(settings.ChatId, message),
            [],
            Explain,
            RetryAfter,
            status => status switch
            {
                401 or 404 => " (check the bot token)",
                400 or 403 => " (check the chat id, and that the bot is still a member of the chat)",
                _ => "",
            },
            cancellationToken);

    /// <summary>Telegram's own words ("Bad Request: chat not found"), and where a group moved when it became a supergroup.</summary>
    private static string? Explain(string body)
    {
        var error = JsonNode.Parse(body);
        var description = error?["description"]?.GetValue<string>();
        var moved = error?["parameters"]?["migrate_to_chat_id"];
        return moved is null ? description : $"{description} (the group is now the supergroup {moved.ToJsonString()}: set the chat id to it)";
    }

    private static TimeSpan? RetryAfter(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["parameters"]?["retry_after"] is JsonValue seconds && seconds.TryGetValue<int>(out var s) ? TimeSpan.FromSeconds(s) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
