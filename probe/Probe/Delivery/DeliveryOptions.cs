using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>Where a manifest goes and how hard the probe tries; the retry figures are set in code (and tests), not by branch staff.</summary>
public sealed record DeliveryOptions
{
    public required Uri Collector { get; init; }

    /// <summary>Signs every request with the branch's key; the collector refuses unsigned ones.</summary>
    public ProbeSigner? Signer { get; init; }

    public required string ProbeVersion { get; init; }

    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait after the first failure; it doubles after each further one.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>All waits of one delivery together, Retry-After included: a scheduled run must end.</summary>
    public TimeSpan MaxTotalDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>One attempt, from connecting to the end of the answer; a 25 MB manifest on a slow branch line still fits.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>The collector's base address with the upload path appended (a base with a path of its own keeps it).</summary>
    public Uri Endpoint => new(new Uri(Collector.AbsoluteUri.TrimEnd('/') + "/"), ManifestUpload.Path);
}
