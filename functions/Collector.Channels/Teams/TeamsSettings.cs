namespace MonitoramentoBKP.Collector.Channels.Teams;

/// <summary>The URL of a Teams Workflows flow "When a Teams webhook request is received" (it carries its signature, sig=...: a secret, so in Azure a Key Vault reference).</summary>
public sealed record TeamsSettings
{
    public required Uri WebhookUrl { get; init; }

    /// <exception cref="ArgumentException">The URL is not an absolute http(s) address.</exception>
    public void Validate()
    {
        if (!WebhookUrl.IsAbsoluteUri || WebhookUrl.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException("Teams WebhookUrl must be the absolute https address the Workflows trigger shows (HTTP POST URL).", nameof(WebhookUrl));
        }
    }
}
