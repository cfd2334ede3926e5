namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>How long to warm a call up and how many times to time it.</summary>
public sealed record MeasureSettings
{
    /// <summary>
    /// Calls before timing starts: tiered compilation recompiles a method with full optimization after about 30
    /// calls, in the background, so warm-up goes on past that and for at least <see cref="MinWarmup"/>.
    /// </summary>
    public int WarmupCalls { get; init; } = 40;

    public TimeSpan MinWarmup { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>Warm-up stops here even if the runtime is still compiling in the background (the figure then says so).</summary>
    public TimeSpan MaxWarmup { get; init; } = TimeSpan.FromSeconds(8);

    public required int MaxIterations { get; init; }

    /// <summary>Fewest timed calls; the CPU clock ticks every 10 ms, so a loop shorter than a second or so reads coarse.</summary>
    public int MinIterations { get; init; } = 10;

    /// <summary>Wall-clock time the timed loop aims at; the iteration count is cut to fit it.</summary>
    public required TimeSpan Budget { get; init; }

    public static MeasureSettings From(BenchOptions options) => new()
    {
        MaxIterations = options.Iterations,
        Budget = options.MeasureBudget,
        MaxWarmup = options.Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(8),
        MinIterations = options.Quick ? 5 : 10,
        MinWarmup = options.Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1.5),
    };
}
