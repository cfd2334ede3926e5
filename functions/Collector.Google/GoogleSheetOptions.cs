namespace MonitoramentoBKP.Collector.Google;

/// <summary>
/// Where the managers' spreadsheet is and how to reach it: the spreadsheet id (from its URL), the service account's
/// JSON key (from configuration or a Key Vault reference; the spreadsheet must be shared with the account's email),
/// and, for tests, the API's base address (the token address comes from the key's token_uri).
/// </summary>
public sealed record GoogleSheetOptions
{
    public required string SpreadsheetId { get; init; }
    public required string ServiceAccountKeyJson { get; init; }
    public Uri BaseUri { get; init; } = new("https://sheets.googleapis.com/");

    /// <summary>First wait between retries of a throttled (429) or failed (5xx) request; doubled each time, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
    public int MaxRetries { get; init; } = 4;

    /// <summary>Longest wait honoured from a Retry-After header or the backoff.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest request body sent; Google refuses requests over 2 MB, and bigger tabs go in several requests.</summary>
    public int MaxRequestBytes { get; init; } = 1_500_000;
}
