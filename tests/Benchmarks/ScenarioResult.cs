namespace MonitoramentoBKP.Benchmarks;

/// <summary>One line of the report: the probe's figure, the other tools', the ratios and whether the target was met.</summary>
public sealed record ScenarioResult
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required Figure Probe { get; init; }
    public IReadOnlyList<Figure> Others { get; init; } = [];
    public IReadOnlyList<RatioFigure> Ratios { get; init; } = [];
    public required string Target { get; init; }
    public required Verdict Verdict { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];
    public IReadOnlyList<string> Commands { get; init; } = [];
}
