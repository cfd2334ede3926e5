namespace MonitoramentoBKP.Probe.Install;

/// <summary>
/// The Windows ACL of the probe's private folders, as SDDL: protected (nothing inherited from above), full control
/// for SYSTEM and Administrators, and for a named task account read (config) or modify (state), each inherited by
/// everything inside. Built as text so the dry run shows exactly what install applies, on any system.
/// </summary>
public static class FolderAcl
{
    /// <summary>FILE_GENERIC_READ | FILE_GENERIC_EXECUTE, as FileSystemRights.ReadAndExecute.</summary>
    public const string Read = "0x1200a9";

    /// <summary>Read, write, execute and delete, without changing permissions or owner, as FileSystemRights.Modify.</summary>
    public const string Modify = "0x1301bf";

    /// <param name="accountSid">The task account's SID, or null for SYSTEM (already in the list).</param>
    public static string Sddl(string? accountSid, string rights) =>
        "D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)" + (accountSid is null ? "" : $"(A;OICI;{rights};;;{accountSid})");
}
