namespace MonitoramentoBKP.Collector.Identity;

/// <summary>How <c>POST api/probe/uninstalled</c> ended: the branch marked at <see cref="UninstalledUtc"/> with the keys revoked, or a refusal.</summary>
public sealed record UninstallOutcome
{
    public required int StatusCode { get; init; }
    public ProbeRefusal? Refusal { get; init; }
    public string? BranchId { get; init; }
    public DateTime? UninstalledUtc { get; init; }
    public IReadOnlyList<string> Revoked { get; init; } = [];

    public static UninstallOutcome Refused(int status, string type, string title, string detail) => new() { StatusCode = status, Refusal = new ProbeRefusal(status, type, title, detail) };
}
