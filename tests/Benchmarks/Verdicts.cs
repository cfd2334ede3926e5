namespace MonitoramentoBKP.Benchmarks;

/// <summary>Turns a figure and its target into PASS/MISS; a failed probe run is never a pass.</summary>
public static class Verdicts
{
    public static Verdict AtLeast(Figure probe, double? value, double target) => Judge(probe, value, v => v >= target);

    public static Verdict AtMost(Figure probe, double? value, double target) => Judge(probe, value, v => v <= target);

    public static Verdict Below(Figure probe, double? value, double target) => Judge(probe, value, v => v < target);

    public static string Text(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "PASS",
        Verdict.Miss => "MISS",
        Verdict.NotAvailable => "n/a",
        _ => "FAILED",
    };

    private static Verdict Judge(Figure probe, double? value, Func<double, bool> meets) =>
        probe.Value is null ? Verdict.Failed
        : value is not { } v ? Verdict.NotAvailable
        : meets(v) ? Verdict.Pass
        : Verdict.Miss;
}
