namespace MonitoramentoBKP.Benchmarks;

/// <summary>One finished run: its wall time from just before start to exit, and what it wrote to stderr.</summary>
/// <param name="StartUnixMs">Wall clock read immediately before the process was started, in Unix milliseconds.</param>
/// <param name="LaunchError">Why the process could not be started or finished, when it could not.</param>
public sealed record RunOutcome(int ExitCode, TimeSpan Elapsed, string StdErr, double StartUnixMs, string? LaunchError)
{
    public bool Succeeded => LaunchError is null && ExitCode == 0;

    public string FailureText
    {
        get
        {
            if (LaunchError is not null)
            {
                return LaunchError;
            }

            var last = StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
            return $"exit code {ExitCode}: {last}";
        }
    }
}
