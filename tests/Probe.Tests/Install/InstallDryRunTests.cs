using MonitoramentoBKP.Probe.Scheduling;
using MonitoramentoBKP.Probe.Tests.Cli;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Install;

/// <summary><c>install --dry-run</c>: changes nothing and prints every file it would write between marker lines, exactly as generated.</summary>
public sealed class InstallDryRunTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private static string Between(string output, string file)
    {
        var begin = $"----- BEGIN {file} -----\n";
        var start = output.IndexOf(begin, StringComparison.Ordinal);
        var end = output.IndexOf($"----- END {file} -----", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"no {file} between markers in:\n{output}");
        return output[(start + begin.Length)..end];
    }

    [Fact]
    public void A_windows_dry_run_prints_the_folders_probe_json_and_the_complete_task_and_writes_nothing()
    {
        var run = ProbeProcess.Run(_tree.Root, "install", "--collector", "https://coletor.exemplo.com.br", "--branch", "F042", "--at", "06:45", "--dry-run", "--os", "windows", "--lang", "en");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(@"Program:           C:\Program Files\MonitoramentoBKP\bkp-probe.exe", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(@"State folder:      C:\ProgramData\MonitoramentoBKP\state (access: SYSTEM and Administrators)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(@"ACL (SDDL):        D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA) on C:\ProgramData\MonitoramentoBKP\state", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"branchId\": \"F042\"", Between(run.Stdout, "probe.json"), StringComparison.Ordinal);
        Assert.Equal(
            WindowsTask.Xml(InstallLayout.For(TargetOs.Windows), new ProbeSchedule { Times = [new TimeOnly(6, 45)] }, TaskAccount.Default(TargetOs.Windows)).ReplaceLineEndings("\n"),
            Between(run.Stdout, WindowsTask.FileName));
        Assert.Contains(@"schtasks /Create /XML ""C:\ProgramData\MonitoramentoBKP\bkp-probe-task.xml"" /TN ""MonitoramentoBKP\Probe"" /F", run.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_tree.Root));
    }

    [Fact]
    public void A_linux_dry_run_prints_both_units_as_generated()
    {
        var run = ProbeProcess.Run(_tree.Root, "install", "--collector", "https://coletor.exemplo.com.br", "--branch", "F042", "--account", "backup", "--dry-run", "--os", "linux");

        Assert.Equal(0, run.ExitCode);
        var account = new TaskAccount("backup", TaskLogon.S4U);
        Assert.Equal(SystemdUnits.Service(InstallLayout.For(TargetOs.Linux), new ProbeSchedule(), account), Between(run.Stdout, SystemdUnits.ServiceName));
        Assert.Equal(SystemdUnits.Timer(new ProbeSchedule()), Between(run.Stdout, SystemdUnits.TimerName));
        Assert.Contains("systemctl enable --now bkp-probe.timer", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_windows_account_gets_modify_on_the_state_folder_and_read_on_the_config_folder_only()
    {
        var run = ProbeProcess.Run(_tree.Root, "install", "--collector", "https://c.example", "--branch", "F042", "--account", "bkpsonda", "--dry-run", "--os", "windows", "--lang", "en");

        Assert.Contains(@"D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;<SID of bkpsonda>) on C:\ProgramData\MonitoramentoBKP" + "\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(@"D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1301bf;;;<SID of bkpsonda>) on C:\ProgramData\MonitoramentoBKP\state", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("<LogonType>S4U</LogonType>", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--at", "24:00", "--at")]
    [InlineData("--heartbeat", "13", "--heartbeat")]
    [InlineData("--heartbeat", "-1", "--heartbeat")]
    [InlineData("--heartbeat", "2h", "--heartbeat")]
    [InlineData("--account", "bad name!", "--account")]
    [InlineData("--os", "macos", "--os")]
    [InlineData("--reenroll", null, "--reenroll")]
    public void A_bad_option_is_refused_naming_it(string option, string? value, string named)
    {
        string[] arguments = ["install", "--collector", "https://c.example", "--branch", "F1", "--dry-run", "--os", "linux", option, .. value is null ? Array.Empty<string>() : [value]];
        if (option == "--os")
        {
            arguments = ["install", "--collector", "https://c.example", "--branch", "F1", "--dry-run", option, value!];
        }

        var run = ProbeProcess.Run(_tree.Root, arguments);

        Assert.Equal(ExitCodes.BadConfiguration, run.ExitCode);
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_longer_heartbeat_is_in_the_summary_and_the_timer()
    {
        var run = ProbeProcess.Run(_tree.Root, "install", "--collector", "https://c.example", "--branch", "F042", "--heartbeat", "3", "--dry-run", "--os", "linux", "--lang", "en");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("every day at 23:30 and every 3 hours;", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("OnCalendar=*-*-* 00/3:00:00", run.Stdout, StringComparison.Ordinal);
    }
}
