namespace MonitoramentoBKP.Probe.Scheduling;

/// <summary>
/// Where an installed probe lives, as the shared design fixes it: the program folder (current, previous, staging),
/// probe.json and the state folder (cache, spool, key). <see cref="For"/> gives the layout of either system from any
/// machine (for <c>install --dry-run --os</c>); a root prefixes every path, so a test installs into a temporary folder.
/// </summary>
public sealed record InstallLayout
{
    public const string ProductFolder = "MonitoramentoBKP";
    public const string LinuxProgramFolder = "/opt/bkp-probe";
    public const string LinuxConfigFolder = "/etc/bkp-probe";
    public const string LinuxStateFolder = "/var/lib/bkp-probe";
    public const string LinuxUnitFolder = "/etc/systemd/system";

    public required TargetOs Os { get; init; }

    /// <summary>The prefix of every path below (a test's temporary root), or null for the real system.</summary>
    public string? Root { get; init; }

    public required string ProgramFolder { get; init; }

    public required string ConfigFolder { get; init; }

    public required string StateFolder { get; init; }

    /// <summary>Linux only: where the service and timer units go.</summary>
    public string? UnitFolder { get; init; }

    public char Separator => Os == TargetOs.Windows ? '\\' : '/';

    public string ExecutableName => Os == TargetOs.Windows ? "bkp-probe.exe" : "bkp-probe";

    public string PreviousExecutableName => Os == TargetOs.Windows ? "bkp-probe.previous.exe" : "bkp-probe.previous";

    public string Executable => Join(ProgramFolder, ExecutableName);

    public string PreviousExecutable => Join(ProgramFolder, PreviousExecutableName);

    public string ConfigPath => Join(ConfigFolder, Configuration.ConfigLoader.FileName);

    public string KeyFile => Join(StateFolder, Identity.ProbeKeyStore.FileName);

    /// <summary>
    /// The layout of <paramref name="os"/>. Windows folders come from this machine when it runs Windows, else from
    /// their usual places (C:\Program Files, C:\ProgramData).
    /// </summary>
    public static InstallLayout For(TargetOs os, string? root = null)
    {
        if (os == TargetOs.Windows)
        {
            var programFiles = OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles) : @"C:\Program Files";
            var programData = OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData) : @"C:\ProgramData";
            var data = Prefix(root, programData.TrimEnd('\\') + @"\" + ProductFolder, '\\');
            return new InstallLayout
            {
                Os = os,
                Root = root,
                ProgramFolder = Prefix(root, programFiles.TrimEnd('\\') + @"\" + ProductFolder, '\\'),
                ConfigFolder = data,
                StateFolder = data + @"\state",
            };
        }

        return new InstallLayout
        {
            Os = os,
            Root = root,
            ProgramFolder = Prefix(root, LinuxProgramFolder, '/'),
            ConfigFolder = Prefix(root, LinuxConfigFolder, '/'),
            StateFolder = Prefix(root, LinuxStateFolder, '/'),
            UnitFolder = Prefix(root, LinuxUnitFolder, '/'),
        };
    }

    /// <summary>The layout of the system this process runs on.</summary>
    public static InstallLayout ForThisSystem(string? root = null) => For(OperatingSystem.IsWindows() ? TargetOs.Windows : TargetOs.Linux, root);

    /// <summary>
    /// The first path the scheduler's command line cannot carry as the design writes it, or null. Windows: no '%'
    /// (cmd.exe would expand it) and nothing longer than MAX_PATH. Linux: letters, digits and "/._+-@" only, as the
    /// units name the paths unquoted and systemd would read '%', '$', quotes or spaces.
    /// </summary>
    public string? UnsafePath()
    {
        foreach (var path in new[] { ProgramFolder, ConfigFolder, StateFolder, PreviousExecutable })
        {
            var bad = Os == TargetOs.Windows
                ? path.Contains('%', StringComparison.Ordinal) || path.Contains('"', StringComparison.Ordinal) || path.Length > 240
                : path.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '+' or '-' or '@'));
            if (bad)
            {
                return path;
            }
        }

        return null;
    }

    public string Join(string folder, string name) => folder.TrimEnd(Separator) + Separator + name;

    /// <summary><paramref name="path"/> under <paramref name="root"/>: a Windows drive letter is dropped (C:\X under D:\t is D:\t\X).</summary>
    private static string Prefix(string? root, string path, char separator)
    {
        if (root is null)
        {
            return path;
        }

        var rest = path.Length >= 2 && path[1] == ':' ? path[2..] : path;
        return root.TrimEnd(separator, '/') + separator + rest.TrimStart(separator);
    }
}
