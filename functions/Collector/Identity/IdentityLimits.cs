namespace MonitoramentoBKP.Collector.Identity;

/// <summary>The windows of signed requests and enrollment tokens.</summary>
public sealed record IdentityLimits
{
    /// <summary>How far a signature's <c>created</c> may be from the collector's clock, either way.</summary>
    public TimeSpan ClockTolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest a signature may claim to live (<c>expires</c> − <c>created</c>).</summary>
    public TimeSpan MaxSignatureLifetime { get; init; } = TimeSpan.FromMinutes(15);

    public TimeSpan DefaultTokenLifetime { get; init; } = TimeSpan.FromHours(72);
    public TimeSpan MinTokenLifetime { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan MaxTokenLifetime { get; init; } = TimeSpan.FromDays(30);

    /// <summary>The largest <c>POST /api/enroll</c> body.</summary>
    public int MaxEnrollBodyBytes { get; init; } = 8 * 1024;
}
