namespace MonitoramentoBKP.Benchmarks;

/// <summary>The repetitions of one command: every run kept (some scenarios check each), the fastest reported.</summary>
public sealed record Sample(ToolCommand Command, IReadOnlyList<RunOutcome> Runs, string? Failure)
{
    public bool Succeeded => Failure is null && Runs.Count > 0;

    public RunOutcome? Best => Succeeded ? Runs.MinBy(r => r.Elapsed) : null;

    public string TimesText => string.Join(' ', Runs.Select(r => Units.Seconds(r.Elapsed))) + " s";
}
