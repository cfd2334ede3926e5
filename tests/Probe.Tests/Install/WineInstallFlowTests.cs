using MonitoramentoBKP.Probe.Tests.Support;
using Xunit.Abstractions;

namespace MonitoramentoBKP.Probe.Tests.Install;

/// <summary>
/// install and uninstall as Windows code under Wine, without a token (Wine has no ECDSA): the program folder,
/// probe.json and the state folder made, the generated task accepted by Wine's schtasks /Create /XML (which parses
/// and checks it) and stored in the prefix's task folder, then an uninstall run from the installed exe itself, whose
/// files in use are moved out and deleted at restart, removing the task and every folder.
/// </summary>
public sealed class WineInstallFlowTests(WineProbe wine, ITestOutputHelper log) : IClassFixture<WineProbe>
{
    private string ProgramFolder => Path.Combine(wine.DriveC, "Program Files", "MonitoramentoBKP");

    private string DataFolder => Path.Combine(wine.DriveC, "ProgramData", "MonitoramentoBKP");

    private string TaskFile => Path.Combine(wine.DriveC, "windows", "system32", "tasks", "MonitoramentoBKP", "Probe");

    private async Task<WineProbe.Result> Run(string program, params string[] arguments)
    {
        var result = await wine.WineAsync(program, arguments);
        log.WriteLine($"{program} {string.Join(' ', arguments)}: exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        return result;
    }

    [Fact]
    public async Task Install_without_a_token_makes_the_folders_and_a_task_schtasks_accepts_and_uninstall_from_the_installed_exe_removes_them()
    {
        log.WriteLine($"publish {wine.PublishTime.TotalSeconds:0.0} s");

        var install = await Run(wine.Exe, "install", "--collector", "https://coletor.exemplo.com.br", "--branch", "F042", "--at", "06:30", "--at", "23:30", "--lang", "en");

        Assert.Equal(0, install.ExitCode);
        Assert.Contains(@"""C:\Program Files\MonitoramentoBKP\bkp-probe.exe"" install --collector https://coletor.exemplo.com.br/ --branch F042 --token TOKEN", install.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(ProgramFolder, "bkp-probe.exe")));
        Assert.True(File.Exists(Path.Combine(ProgramFolder, "bkp-probe.dll")), "a folder build is copied whole");
        Assert.Contains(@"""stateDirectory"": ""C:\\ProgramData\\MonitoramentoBKP\\state""", File.ReadAllText(Path.Combine(DataFolder, "probe.json")), StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(DataFolder, "state")));
        Assert.False(File.Exists(Path.Combine(DataFolder, "bkp-probe-task.xml")), "the task file handed to schtasks is not left behind");
        Assert.True(File.Exists(TaskFile), "schtasks /Create /XML did not register the task");
        Assert.Contains("Checks this branch's backups", File.ReadAllText(TaskFile), StringComparison.Ordinal);

        var status = await Run(@"C:\Program Files\MonitoramentoBKP\bkp-probe.exe", "status", "--config", @"C:\ProgramData\MonitoramentoBKP\probe.json", "--lang", "en");

        Assert.Equal(0, status.ExitCode);
        Assert.Contains("Version:", status.Stdout, StringComparison.Ordinal);
        // Wine keeps no DACL of its own on a Unix folder (it maps one to the mode and reads back Everyone, SYSTEM and
        // the user), so only what survives that is checked here; the exact ACL is FolderAcl's, shown by the dry run.
        Assert.Contains("State access:", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("NT AUTHORITY\\SYSTEM: FullControl", status.Stdout, StringComparison.Ordinal);

        var again = await Run(wine.Exe, "install", "--collector", "https://coletor.exemplo.com.br", "--branch", "F042", "--lang", "en");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("upgraded in place", again.Stdout, StringComparison.Ordinal);

        var uninstall = await Run(@"C:\Program Files\MonitoramentoBKP\bkp-probe.exe", "uninstall", "--lang", "en");

        Assert.Equal(0, uninstall.ExitCode);
        Assert.Contains("could not tell the collector", uninstall.Stdout, StringComparison.Ordinal);
        Assert.Contains(@"Removed: MonitoramentoBKP\Probe", uninstall.Stdout, StringComparison.Ordinal);
        Assert.Contains(@"deleted at the next restart: C:\Program Files\MonitoramentoBKP\bkp-probe.exe", uninstall.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(TaskFile));
        Assert.False(Directory.Exists(ProgramFolder));
        Assert.False(Directory.Exists(DataFolder));
    }
}
