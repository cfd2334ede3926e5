namespace MonitoramentoBKP.ReleaseTool;

/// <summary>
/// A refusal the operator can act on: what is wrong, where, and the exit code it ends with
/// (<see cref="ReleaseExitCodes"/>). Printed as one line, without a stack trace.
/// </summary>
public sealed class ReleaseToolException(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>Bad command line or input: exit code 2.</summary>
    public static ReleaseToolException BadInput(string message) => new(ReleaseExitCodes.BadInput, message);

    /// <summary>A service refused or could not be reached: exit code 1.</summary>
    public static ReleaseToolException Failed(string message, Exception? inner = null) => new(ReleaseExitCodes.Failed, message, inner);
}
