namespace MonitoramentoBKP.Collector.Identity;

/// <summary>How an enrollment, a token request or a revocation ended: a value for the trigger to map, or a refusal.</summary>
public sealed record EnrollmentOutcome
{
    public required int StatusCode { get; init; }
    public ProbeRefusal? Refusal { get; init; }
    public string? BranchId { get; init; }

    /// <summary>The token's text: answered once, when it is created, and never stored.</summary>
    public string? Token { get; init; }

    public DateTime? ExpiresUtc { get; init; }
    public string? KeyId { get; init; }
    public DateTime? EnrolledUtc { get; init; }
    public IReadOnlyList<string> Revoked { get; init; } = [];

    public static EnrollmentOutcome Refused(ProbeRefusal refusal) => new() { StatusCode = refusal.StatusCode, Refusal = refusal };

    public static EnrollmentOutcome Refused(int status, string type, string title, string detail) => Refused(new ProbeRefusal(status, type, title, detail));
}
