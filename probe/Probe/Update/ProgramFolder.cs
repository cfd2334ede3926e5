namespace MonitoramentoBKP.Probe.Update;

/// <summary>
/// The folder the probe is installed in and the names the update uses there: <c>bkp-probe[.exe]</c> (current),
/// <c>bkp-probe.previous[.exe]</c> (the version before, which runs <c>recover</c>), <c>bkp-probe.failed[.exe]</c>
/// (a version rolled back, kept for diagnosis) and <c>staging/</c> (downloads and self-tests).
/// </summary>
public sealed record ProgramFolder(string Path)
{
    public const string BaseName = "bkp-probe";

    private static string Extension => OperatingSystem.IsWindows() ? ".exe" : "";

    public string Current => Combine(BaseName + Extension);

    public string Previous => Combine(BaseName + ".previous" + Extension);

    public string Failed => Combine(BaseName + ".failed" + Extension);

    public string Staging => Combine("staging");

    /// <summary>The downloaded executable once its length and hash matched; it is self-tested here, then renamed to <see cref="Current"/>.</summary>
    public string Staged => System.IO.Path.Combine(Staging, BaseName + Extension);

    /// <summary>
    /// The folder of the running executable when it is an installed probe (named <c>bkp-probe</c> or
    /// <c>bkp-probe.previous</c>); null when the probe runs otherwise (through <c>dotnet bkp-probe.dll</c>, under
    /// another name), where a self-update has nothing it may replace.
    /// </summary>
    public static ProgramFolder? OfRunningProcess(out bool isCurrent)
    {
        isCurrent = false;
        if (Environment.ProcessPath is not { } exe || System.IO.Path.GetDirectoryName(exe) is not { } folder)
        {
            return null;
        }

        var program = new ProgramFolder(folder);
        var name = System.IO.Path.GetFileName(exe);
        isCurrent = string.Equals(name, System.IO.Path.GetFileName(program.Current), StringComparison.Ordinal);
        return isCurrent || string.Equals(name, System.IO.Path.GetFileName(program.Previous), StringComparison.Ordinal) ? program : null;
    }

    private string Combine(string name) => System.IO.Path.Combine(Path, name);
}
