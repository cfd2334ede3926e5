namespace MonitoramentoBKP.Collector.Channels.GoogleChat;

/// <summary>A Google Chat space's incoming webhook URL (https://chat.googleapis.com/v1/spaces/{space}/messages?key=...&amp;token=...): a secret, so in Azure a Key Vault reference.</summary>
public sealed record GoogleChatSettings
{
    public required Uri WebhookUrl { get; init; }

    /// <exception cref="ArgumentException">The URL is not an absolute http(s) address with the key and token Google put in it.</exception>
    public void Validate()
    {
        if (!WebhookUrl.IsAbsoluteUri || WebhookUrl.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException("Google Chat WebhookUrl must be the absolute https address the space's webhook settings show.", nameof(WebhookUrl));
        }

        var query = WebhookUrl.Query;
        if (!query.Contains("key=", StringComparison.Ordinal) || !query.Contains("token=", StringComparison.Ordinal))
        {
            throw new ArgumentException("Google Chat WebhookUrl has no key and token in its query: copy the whole address from the space's webhook settings.", nameof(WebhookUrl));
        }
    }
}
