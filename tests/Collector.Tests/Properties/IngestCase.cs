namespace MonitoramentoBKP.Collector.Tests.Properties;

/// <summary>One generated case: what reaches the collector first (<see cref="Before"/>), then the upload under test and what must come of it.</summary>
public sealed record IngestCase
{
    public required string Summary { get; init; }
    public IReadOnlyList<Upload> Before { get; init; } = [];
    public required Upload Upload { get; init; }
    public required Expected Expected { get; init; }

    /// <summary>What CsCheck prints for a failing case: the summary and the headers, not megabytes of body.</summary>
    public override string ToString() => $"{Summary} | {Upload} | expected {Expected}";
}
