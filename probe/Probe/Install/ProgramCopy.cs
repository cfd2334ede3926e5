using MonitoramentoBKP.Probe.Scheduling;

namespace MonitoramentoBKP.Probe.Install;

/// <summary>
/// Puts this very program into the program folder: the one file of a single-file build, or the whole folder of a
/// folder build (as run under Wine, or by <c>dotnet bkp-probe.dll</c> in tests). A file already there is renamed
/// aside first and put back on undo, so a failed upgrade leaves the earlier version working; other files of the
/// folder (the previous version kept by an update, staging) are not touched.
/// </summary>
public static class ProgramCopy
{
    private const string Aside = ".install-old";

    /// <summary>The folder whose files make up this program; its executable is <paramref name="executableName"/> in it.</summary>
    public static (string Folder, IReadOnlyList<string> Files) Source(string executableName)
    {
        // A single-file or native build carries its assembly inside the one file, which is the process itself.
        var folder = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var singleFile = !File.Exists(Path.Combine(folder, typeof(ProgramCopy).Assembly.GetName().Name + ".dll"));
        if (singleFile && Environment.ProcessPath is { } process)
        {
            return (Path.GetDirectoryName(process)!, [Path.GetFileName(process)]);
        }

        if (!File.Exists(Path.Combine(folder, executableName)))
        {
            throw new InstallStepException($"{Path.Combine(folder, executableName)}: not found; install from a published bkp-probe");
        }

        return (folder, [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f))]);
    }

    /// <summary>Copies the program in; false when it already runs from the program folder (nothing to copy).</summary>
    public static bool CopyInto(InstallLayout layout, UndoJournal journal)
    {
        var (folder, files) = Source(layout.ExecutableName);
        if (Same(folder, layout.ProgramFolder))
        {
            return false;
        }

        journal.CreateFolder(layout.ProgramFolder);
        var single = files.Count == 1;
        foreach (var relative in files)
        {
            var target = Path.Combine(layout.ProgramFolder, single ? layout.ExecutableName : relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target))
            {
                File.Move(target, target + Aside, overwrite: true);
                journal.Add(target, () => File.Move(target + Aside, target, overwrite: true));
            }
            else
            {
                journal.Add(target, () => File.Delete(target));
            }

            File.Copy(Path.Combine(folder, relative), target, overwrite: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            // Anyone may run it; the folder (the account's, 0750) is what keeps others out.
            File.SetUnixFileMode(layout.Executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        return true;
    }

    /// <summary>After a successful install: the renamed-aside files go (one still running on Windows stays until the next install).</summary>
    public static void DropAside(InstallLayout layout)
    {
        foreach (var old in Directory.EnumerateFiles(layout.ProgramFolder, "*" + Aside, SearchOption.AllDirectories))
        {
            try
            {
                File.Delete(old);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // In use by a running probe: harmless, and replaced by the next install.
            }
        }
    }

    private static bool Same(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar),
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
