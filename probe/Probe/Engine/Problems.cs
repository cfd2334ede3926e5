using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Probe.Engine;

/// <summary>Maps what the OS threw to the manifest's stable problem codes.</summary>
public static class Problems
{
    private const int ErrorSharingViolation = 32;
    private const int ErrorLockViolation = 33;

    public static ProblemReport From(Exception e) => new() { Code = Code(e), Detail = e.Message };

    public static ProblemCode Code(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => ProblemCode.NotFound,
        UnauthorizedAccessException => ProblemCode.AccessDenied,
        IOException io when IsSharingViolation(io) => ProblemCode.Locked,
        _ => ProblemCode.IoError,
    };

    /// <summary>Windows reports a file held open without sharing as ERROR_SHARING_VIOLATION or ERROR_LOCK_VIOLATION in the HRESULT.</summary>
    public static bool IsSharingViolation(IOException e)
    {
        var code = e.HResult & 0xFFFF;
        return (e.HResult & unchecked((int)0xFFFF0000)) == unchecked((int)0x80070000) && code is ErrorSharingViolation or ErrorLockViolation;
    }
}
