namespace MonitoramentoBKP.Benchmarks;

public enum Verdict
{
    Pass,
    Miss,

    /// <summary>The figure the target is about could not be measured (a comparison tool is missing).</summary>
    NotAvailable,

    /// <summary>The probe itself failed to run.</summary>
    Failed,
}
