using MonitoramentoBKP.Collector.Identity;

namespace MonitoramentoBKP.Collector.Releases;

/// <summary>
/// How a release request ended, for the trigger to map: a rollout published or changed (with how many registered
/// branches it reaches now), the envelope a probe is offered (a release, or the key rotation with its ETag), the key
/// rotation unchanged (304), a file to stream or a link to redirect to, nothing (204), or a refusal with its problem.
/// </summary>
public sealed record ReleaseOutcome
{
    public required int StatusCode { get; init; }
    public ProbeRefusal? Refusal { get; init; }
    public Rollout? Rollout { get; init; }

    /// <summary>Registered, not retired branches the rollout reaches now (pilots included).</summary>
    public int? BranchesOffered { get; init; }

    /// <summary>release.json, or keys.json, exactly as stored.</summary>
    public byte[]? Envelope { get; init; }

    /// <summary>The key rotation's entity tag, quoted: its SHA-256 in lowercase hex (with 200 and 304).</summary>
    public string? ETag { get; init; }

    public Stream? Content { get; init; }
    public long? Length { get; init; }
    public Uri? Link { get; init; }

    public static ReleaseOutcome Refused(int status, string type, string title, string detail) => new() { StatusCode = status, Refusal = new ProbeRefusal(status, type, title, detail) };

    public static ReleaseOutcome Nothing { get; } = new() { StatusCode = 204 };
}
