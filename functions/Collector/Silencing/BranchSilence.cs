namespace MonitoramentoBKP.Collector.Silencing;

/// <summary>
/// A maintenance window: from <see cref="FromUtc"/> until <see cref="UntilUtc"/> (or until it was ended early at
/// <see cref="EndedUtc"/>) the branch's sets, or only <see cref="Sets"/>, are still judged, stored and shown on the
/// sheet, but no alert of theirs goes to any channel.
/// </summary>
public sealed record BranchSilence
{
    public required DateTime FromUtc { get; init; }
    public required DateTime UntilUtc { get; init; }
    public required string Reason { get; init; }

    /// <summary>The sets silenced; empty for every set of the branch.</summary>
    public IReadOnlyList<string> Sets { get; init; } = [];

    /// <summary>Who set it: <see cref="FromApi"/> (ops through the admin route) or <see cref="FromRegistry"/>.</summary>
    public required string Source { get; init; }

    /// <summary>When it ended early (DELETE), or when the sweep recorded its end; null while it is in effect.</summary>
    public DateTime? EndedUtc { get; init; }

    public const string FromApi = "api";
    public const string FromRegistry = "registry";

    public DateTime EndUtc => EndedUtc is { } ended && ended < UntilUtc ? ended : UntilUtc;

    public bool Covers(string setId) => Sets.Count == 0 || Sets.Contains(setId, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether an alert of <paramref name="setId"/> at <paramref name="atUtc"/> falls inside it.</summary>
    public bool Covers(string setId, DateTime atUtc) => Covers(setId) && atUtc >= FromUtc && atUtc < EndUtc;

    /// <summary>The same window and words (a registry silence already recorded is not recorded again).</summary>
    public bool SameAs(BranchSilence other) =>
        FromUtc == other.FromUtc && UntilUtc == other.UntilUtc && Reason == other.Reason && Source == other.Source
        && Sets.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(other.Sets.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
}
