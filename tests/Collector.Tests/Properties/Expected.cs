using MonitoramentoBKP.Collector.Ingest;

namespace MonitoramentoBKP.Collector.Tests.Properties;

/// <summary>
/// What the contract says must come of a case: the statuses allowed, and for a refusal the places its detail must
/// name (any one of them: a JSON path, a field or a header); <see cref="Then"/> checks an accepted case further.
/// </summary>
public sealed record Expected
{
    public required IReadOnlySet<int> Statuses { get; init; }
    public IReadOnlyList<string> Where { get; init; } = [];

    /// <summary>Why this is the answer, for the failure message.</summary>
    public required string Why { get; init; }

    public Func<IngestRig, IngestOutcome, Task>? Then { get; init; }

    public static Expected Accepted(string why, Func<IngestRig, IngestOutcome, Task>? then = null) => new() { Statuses = new HashSet<int> { 202 }, Why = why, Then = then };

    public static Expected Refused(int status, string why, params string[] where) => new() { Statuses = new HashSet<int> { status }, Why = why, Where = where };

    /// <summary>Either accepted or refused with <paramref name="status"/> naming one of <paramref name="where"/>.</summary>
    public static Expected AcceptedOr(int status, string why, params string[] where) => new() { Statuses = new HashSet<int> { 202, status }, Why = why, Where = where };

    public override string ToString() =>
        $"{string.Join(" or ", Statuses.Order())}{(Where.Count > 0 ? $" naming {string.Join(" or ", Where.Select(Upload.Show))}" : "")}: {Why}";
}
