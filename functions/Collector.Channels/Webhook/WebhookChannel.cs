using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Channels.Sending;

namespace MonitoramentoBKP.Collector.Channels.Webhook;

/// <summary>
/// Posts the signed JSON of <see cref="WebhookFormatter"/> to a receiver (n8n, Zapier, a WhatsApp gateway) with
/// <c>X-Bkp-Signature-256</c> and <c>X-Bkp-Event-Id</c>. Guarantee: at least once, not idempotent by itself; a
/// resend after an uncertain outcome carries the same event id (header and body), so a receiver that keeps the
/// ids it has seen can drop the repeat. No rate limit is assumed; a receiver's 429 Retry-After is honoured.
/// </summary>
public sealed class WebhookChannel : INotificationChannel
{
    private readonly HttpExchange exchange;
    private readonly WebhookSettings settings;

    public WebhookChannel(HttpClient http, WebhookSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        this.settings = settings;
        exchange = new HttpExchange(http, time, $"The webhook at {settings.Url.Host}");
    }

    public string Kind => "webhook";

    public IReadOnlyList<RateLimit> Limits => [];

    public bool Idempotent => false;

    public Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var body = WebhookFormatter.Format(message);
        return exchange.PostAsync(
            settings.Url,
            body,
            [new(WebhookFormatter.SignatureHeader, WebhookFormatter.Sign(body, settings.Secret)), new(WebhookFormatter.EventIdHeader, message.EventId)],
            text => null,
            null,
            status => status is 401 or 403 ? " (the receiver refused the signature or the address: check the webhook's secret and URL)" : status == 404 ? " (check the webhook URL)" : "",
            cancellationToken);
    }
}
