namespace MonitoramentoBKP.Probe.Identity;

/// <summary>The probe's key file cannot be used or written: one line, in the configured language, naming the file and the fix.</summary>
public sealed class ProbeKeyException(ProbeKeyProblem problem, string keyPath, string message, Exception? inner = null) : Exception(message, inner)
{
    public ProbeKeyProblem Problem { get; } = problem;

    public string KeyPath { get; } = keyPath;
}
