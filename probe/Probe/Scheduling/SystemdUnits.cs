using System.Globalization;
using System.Text;

namespace MonitoramentoBKP.Probe.Scheduling;

/// <summary>
/// The probe's systemd service and timer. The service is one run (Type=oneshot) as the probe's own user, at low CPU
/// and idle I/O priority, stopped after a time limit, hardened without losing read access to backups anywhere on the
/// machine; the timer starts it at each chosen time and at each heartbeat (hourly by default), catches up a start missed while the machine was
/// off, and spreads the branches over a random delay. A test runs <c>systemd-analyze verify</c> on both.
/// </summary>
public static class SystemdUnits
{
    public const string ServiceName = "bkp-probe.service";
    public const string TimerName = "bkp-probe.timer";

    public static string Service(InstallLayout layout, ProbeSchedule schedule, TaskAccount account)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            # MonitoramentoBKP probe: one run (scan, deliver, check for updates), started by {TimerName}.
            # Made by bkp-probe install; bkp-probe uninstall removes it.
            [Unit]
            Description=MonitoramentoBKP backup probe run
            Wants=network-online.target
            After=network-online.target

            [Service]
            # oneshot: the unit stays "activating" until the run ends, and a timer never starts a unit that is already
            # active or activating, so two runs never overlap. The probe also holds its own lock in the state folder.
            Type=oneshot
            User={account.LinuxUser}
            ExecStart={ScheduledCommand.LinuxExecStart(layout)}
            # Whatever the run did, the previous version (when one is kept after an update) decides on a rollback.
            ExecStopPost={ScheduledCommand.LinuxExecStopPost(layout)}
            TimeoutStartSec={Seconds(schedule.TimeLimit)}
            # Below the shop's own work: the CPU only when nothing else wants it, disk reads only when nobody else reads.
            Nice=10
            CPUSchedulingPolicy=idle
            IOSchedulingClass=idle
            # Read-only everywhere (backups are read wherever they are), writable only where the probe keeps state
            # and where the updater swaps its own files.
            ProtectSystem=strict
            ReadWritePaths={layout.StateFolder} {layout.ProgramFolder}
            ProtectHome=read-only
            PrivateTmp=yes
            NoNewPrivileges=yes
            ProtectKernelTunables=yes
            ProtectKernelModules=yes
            ProtectControlGroups=yes
            RestrictSUIDSGID=yes
            LockPersonality=yes
            UMask=0077

            """);
        return text.ToString();
    }

    public static string Timer(ProbeSchedule schedule)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            # MonitoramentoBKP probe: when {ServiceName} runs. Made by bkp-probe install.
            [Unit]
            Description=MonitoramentoBKP backup probe schedule

            [Timer]

            """);
        foreach (var time in schedule.Times)
        {
            text.Append(CultureInfo.InvariantCulture, $"OnCalendar=*-*-* {time.ToString("HH':'mm", CultureInfo.InvariantCulture)}:00\n");
        }

        if (schedule.HeartbeatHours > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"""
                # Heartbeat: the collector hears from the branch every {schedule.HeartbeatHours} h, even on a day without backups.
                OnCalendar=*-*-* 00/{schedule.HeartbeatHours}:00:00

                """);
        }

        text.Append(CultureInfo.InvariantCulture, $"""
            # A start missed while the machine was off runs as soon as it is back.
            Persistent=true
            RandomizedDelaySec={Seconds(schedule.RandomDelay)}
            AccuracySec=1min
            Unit={ServiceName}

            [Install]
            WantedBy=timers.target

            """);
        return text.ToString();
    }

    private static string Seconds(TimeSpan span) => ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
}
