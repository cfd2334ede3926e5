using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Channels.Messages;

/// <summary>
/// What a channel is asked to send: one alert (<see cref="Notification"/>), a storm of them collapsed into one
/// (<see cref="StormDigest"/>) or the daily summary (<see cref="DailySummary"/>). Every message carries an event id
/// that appears in what people read, so a message sent twice after an uncertain outcome is recognised as a repeat.
/// </summary>
public abstract record ChannelMessage
{
    /// <summary>Fixed before the first send and the same on every retry: an alert's row id, or the digest's or summary's own id.</summary>
    public required string EventId { get; init; }

    /// <summary>Brazilian Portuguese unless the route says English.</summary>
    public SheetLanguage Language { get; init; } = SheetLanguage.Portuguese;

    /// <summary>The managers' sheet, linked from every message; null where there is none (the local host without a sheet).</summary>
    public Uri? SheetUrl { get; init; }

    public string Say(Localization.Text text) => Language.Say(text);
}
