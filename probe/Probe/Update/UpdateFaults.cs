using System.Diagnostics;

namespace MonitoramentoBKP.Probe.Update;

/// <summary>
/// Named points of the update (<c>download:started</c>, <c>swap:current-moved</c>, ...) at which a test can have the
/// real process killed, to prove that a probe killed anywhere still runs next time: when the variable
/// <c>BKP_UPDATE_FAULT</c> names the point reached, the process kills itself (SIGKILL on Linux,
/// TerminateProcess on Windows: no cleanup, no finally), as a power cut or a task time limit would.
/// </summary>
public static class UpdateFaults
{
    public const string Variable = "BKP_UPDATE_FAULT";

    public static void Reach(string point)
    {
        if (string.Equals(Environment.GetEnvironmentVariable(Variable), point, StringComparison.Ordinal))
        {
            using var self = Process.GetCurrentProcess();
            self.Kill();
        }
    }
}
