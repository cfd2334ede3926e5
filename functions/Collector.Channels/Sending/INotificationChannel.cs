using MonitoramentoBKP.Collector.Channels.Messages;

namespace MonitoramentoBKP.Collector.Channels.Sending;

/// <summary>
/// One configured destination (an SMTP server and its recipients, a Chat or Teams webhook, a Telegram chat, a
/// webhook receiver): formats a message the way the service shows it and sends it. Never throws for what the
/// service answered; the outcome says what happened.
/// </summary>
public interface INotificationChannel
{
    /// <summary>"email", "google-chat", "teams", "telegram" or "webhook".</summary>
    string Kind { get; }

    /// <summary>The service's own limits for this destination, for the dispatcher to pace by (<see cref="ChannelPacer"/>); empty when it publishes none.</summary>
    IReadOnlyList<RateLimit> Limits { get; }

    /// <summary>Whether sending the same message twice shows it once (the service or the reader's client recognises the repeat).</summary>
    bool Idempotent { get; }

    Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken);
}
