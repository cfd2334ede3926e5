using System.Diagnostics;
using System.Runtime.Versioning;
using MonitoramentoBKP.Probe.Scheduling;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Scheduling;

/// <summary>The systemd service and timer, checked by systemd itself (systemd-analyze verify) and for the properties the design asks.</summary>
[SupportedOSPlatform("linux")]
public sealed class SystemdUnitsTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    /// <summary>Writes both units for a layout under the temporary root; the binary they name exists unless told otherwise.</summary>
    private (string Service, string Timer) Write(ProbeSchedule schedule, TaskAccount account, bool withBinary = true)
    {
        var layout = InstallLayout.For(TargetOs.Linux, _tree.Root);
        if (withBinary)
        {
            _tree.File(Path.GetRelativePath(_tree.Root, layout.Executable), "#!/bin/sh\nexit 0\n");
            File.SetUnixFileMode(layout.Executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var folder = layout.UnitFolder!;
        Directory.CreateDirectory(folder);
        var service = Path.Combine(folder, SystemdUnits.ServiceName);
        var timer = Path.Combine(folder, SystemdUnits.TimerName);
        File.WriteAllText(service, SystemdUnits.Service(layout, schedule, account));
        File.WriteAllText(timer, SystemdUnits.Timer(schedule));
        return (service, timer);
    }

    private static (int ExitCode, string Output) Verify(params string[] units)
    {
        var start = new ProcessStartInfo("systemd-analyze") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("verify");
        start.ArgumentList.Add("--man=no");
        foreach (var unit in units)
        {
            start.ArgumentList.Add(unit);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("systemd-analyze did not start (is systemd installed?)");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "systemd-analyze verify did not finish");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public static TheoryData<string, int, int> Variants() => new()
    {
        { "default", 1, 1 },
        { "default", 5, 3 },
        { "system", 1, 0 },
        { "named", ProbeSchedule.MaxTimes, ProbeSchedule.MaxHeartbeatHours },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_unit_pair_the_installer_can_make_passes_systemd_analyze_verify_without_a_word(string account, int times, int heartbeatHours)
    {
        var schedule = new ProbeSchedule { Times = [.. Enumerable.Range(0, times).Select(i => new TimeOnly(i, 15))], HeartbeatHours = heartbeatHours };
        var who = account switch
        {
            "default" => TaskAccount.Default(TargetOs.Linux),
            "system" => new TaskAccount(TaskAccount.SystemName, TaskLogon.System),
            _ => new TaskAccount("backup-monitor", TaskLogon.S4U),
        };
        var (service, timer) = Write(schedule, who);

        var (exitCode, output) = Verify(service, timer);

        Assert.True(exitCode == 0 && output.Length == 0, $"exit {exitCode}:\n{output}\n{File.ReadAllText(service)}\n{File.ReadAllText(timer)}");
    }

    [Fact]
    public void Verify_itself_refuses_a_service_whose_binary_is_missing()
    {
        var (service, timer) = Write(new ProbeSchedule(), TaskAccount.Default(TargetOs.Linux), withBinary: false);

        var (exitCode, output) = Verify(service, timer);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("not executable", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_service_is_one_low_priority_hardened_run_as_the_probes_user_with_the_designed_commands()
    {
        var layout = InstallLayout.For(TargetOs.Linux);
        var lines = SystemdUnits.Service(layout, new ProbeSchedule(), TaskAccount.Default(TargetOs.Linux)).Split('\n');

        Assert.Contains("Type=oneshot", lines);
        Assert.Contains("User=bkp-probe", lines);
        Assert.Contains("ExecStart=/opt/bkp-probe/bkp-probe run --config /etc/bkp-probe/probe.json", lines);
        Assert.Contains("ExecStopPost=-/bin/sh -c 'if [ -x /opt/bkp-probe/bkp-probe.previous ]; then exec /opt/bkp-probe/bkp-probe.previous recover --config /etc/bkp-probe/probe.json; fi'", lines);
        Assert.Contains("TimeoutStartSec=14400s", lines);
        Assert.Contains("Nice=10", lines);
        Assert.Contains("IOSchedulingClass=idle", lines);
        Assert.Contains("CPUSchedulingPolicy=idle", lines);
        Assert.Contains("ProtectSystem=strict", lines);
        Assert.Contains("ReadWritePaths=/var/lib/bkp-probe /opt/bkp-probe", lines);
        Assert.Contains("NoNewPrivileges=yes", lines);
        Assert.Contains("PrivateTmp=yes", lines);
    }

    [Fact]
    public void The_system_account_runs_as_root()
    {
        var service = SystemdUnits.Service(InstallLayout.For(TargetOs.Linux), new ProbeSchedule(), new TaskAccount(TaskAccount.SystemName, TaskLogon.System));

        Assert.Contains("User=root", service.Split('\n'));
    }

    [Fact]
    public void The_timer_runs_at_each_time_and_hourly_catches_up_missed_runs_and_spreads_the_branches()
    {
        var lines = SystemdUnits.Timer(new ProbeSchedule { Times = [new TimeOnly(7, 5), new TimeOnly(23, 30)] }).Split('\n');

        Assert.Equal(["OnCalendar=*-*-* 07:05:00", "OnCalendar=*-*-* 23:30:00", "OnCalendar=*-*-* 00/1:00:00"], lines.Where(l => l.StartsWith("OnCalendar=", StringComparison.Ordinal)));
        Assert.Contains("Persistent=true", lines);
        Assert.Contains("RandomizedDelaySec=600s", lines);
        Assert.Contains("AccuracySec=1min", lines);
        Assert.Contains("Unit=bkp-probe.service", lines);
        Assert.Contains("WantedBy=timers.target", lines);
    }

    [Theory]
    [InlineData(3, "OnCalendar=*-*-* 00/3:00:00")]
    [InlineData(12, "OnCalendar=*-*-* 00/12:00:00")]
    public void A_longer_heartbeat_is_every_few_hours_from_midnight(int hours, string expected)
    {
        var lines = SystemdUnits.Timer(new ProbeSchedule { HeartbeatHours = hours }).Split('\n');

        Assert.Equal(["OnCalendar=*-*-* 23:30:00", expected], lines.Where(l => l.StartsWith("OnCalendar=", StringComparison.Ordinal)));
    }

    [Fact]
    public void No_heartbeat_leaves_only_the_daily_times()
    {
        var lines = SystemdUnits.Timer(new ProbeSchedule { HeartbeatHours = 0 }).Split('\n');

        Assert.Equal(["OnCalendar=*-*-* 23:30:00"], lines.Where(l => l.StartsWith("OnCalendar=", StringComparison.Ordinal)));
    }
}
