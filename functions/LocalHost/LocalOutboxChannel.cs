using System.Globalization;
using MimeKit;
using MonitoramentoBKP.Collector.Channels.Email;
using MonitoramentoBKP.Collector.Channels.GoogleChat;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Channels.Sending;
using MonitoramentoBKP.Collector.Channels.Teams;
using MonitoramentoBKP.Collector.Channels.Telegram;
using MonitoramentoBKP.Collector.Channels.Webhook;
using MonitoramentoBKP.Collector.Registry;

namespace MonitoramentoBKP.LocalHost;

/// <summary>
/// Writes each message as the route's channel would send it, one readable file per message:
/// <c>{time}-{event id}.eml</c> for e-mail (the whole MIME message), <c>.json</c> for the Chat, Teams and webhook
/// bodies, <c>.html</c> for Telegram's HTML text. Writing the same message again replaces its file.
/// </summary>
internal sealed class LocalOutboxChannel(RouteChannel channel, string folder) : INotificationChannel
{
    private static readonly EmailSettings Mail = new() { Host = "localhost", From = "MonitoramentoBKP <backup@localhost>", To = ["gerentes@localhost"] };

    public string Kind => "folder";

    public IReadOnlyList<RateLimit> Limits => [];

    public bool Idempotent => true;

    public async Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var name = string.Concat(message.EventId.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
        var existing = Directory.EnumerateFiles(folder, $"*-{name}.*").FirstOrDefault();
        var path = existing ?? Path.Combine(folder, $"{stamp}-{name}.{Extension}");
        if (channel == RouteChannel.Email)
        {
            using var mail = EmailFormatter.Format(message, Mail);
            await mail.WriteToAsync(FormatOptions.Default, path, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await File.WriteAllTextAsync(path, Body(message), cancellationToken).ConfigureAwait(false);
        }

        return new SendOutcome.Delivered();
    }

    private string Extension => channel switch
    {
        RouteChannel.Email => "eml",
        RouteChannel.Telegram => "html",
        _ => "json",
    };

    private string Body(ChannelMessage message) => channel switch
    {
        RouteChannel.GoogleChat => GoogleChatFormatter.Format(message).ToJsonString(new System.Text.Json.JsonSerializerOptions(ChannelJson.Options) { WriteIndented = true }),
        RouteChannel.Teams => TeamsFormatter.Format(message).ToJsonString(new System.Text.Json.JsonSerializerOptions(ChannelJson.Options) { WriteIndented = true }),
        RouteChannel.Telegram => TelegramFormatter.Format(message),
        _ => WebhookFormatter.Format(message),
    };
}
