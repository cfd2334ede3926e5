namespace MonitoramentoBKP.Probe.Identity;

/// <summary>
/// How an enrollment ended: <see cref="ExitCodes.Ok"/> with the new key's id (the key is in place), or another exit
/// code with the sentence to show (nothing changed on this machine).
/// </summary>
public sealed record EnrollmentResult(int ExitCode, string? KeyId, string? Problem)
{
    public bool Accepted => ExitCode == ExitCodes.Ok;
}
