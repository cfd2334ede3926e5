namespace MonitoramentoBKP.Collector.Channels.Webhook;

/// <summary>Where a generic webhook posts and the secret its body is signed with (shared with the receiver; in Azure a Key Vault reference).</summary>
public sealed record WebhookSettings
{
    public required Uri Url { get; init; }
    public required string Secret { get; init; }

    /// <exception cref="ArgumentException">The URL is not absolute http(s), or the secret is shorter than 16 characters.</exception>
    public void Validate()
    {
        if (!Url.IsAbsoluteUri || Url.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException($"Webhook Url must be an absolute http or https address; got \"{Url}\".", nameof(Url));
        }

        if (string.IsNullOrEmpty(Secret) || Secret.Length < 16)
        {
            throw new ArgumentException("Webhook Secret must be at least 16 characters: the receiver checks the X-Bkp-Signature-256 header with it.", nameof(Secret));
        }
    }
}
