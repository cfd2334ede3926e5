using System.Globalization;
using System.Runtime.Versioning;
using MonitoramentoBKP.Probe.Identity;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Scheduling;

namespace MonitoramentoBKP.Probe.Install;

/// <summary>
/// Linux: a dedicated system user, folders owned by it (state 0700, program 0750, config root-owned 0750 with the
/// file 0640 so the probe reads but cannot change it), systemd units in /etc/systemd/system. With a root (tests),
/// everything happens under it: units are enabled with <c>systemctl --root</c>, which needs no running systemd and
/// starts nothing, and no user is made (the account must exist).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class LinuxInstall(string? root, InstallMessages messages) : IInstallPlatform
{
    private const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Group = UnixFileMode.GroupRead | UnixFileMode.GroupExecute;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public bool IsAdministrator => LinuxNative.GetEffectiveUserId() == 0;

    public void PrepareAccount(TaskAccount account, UndoJournal journal)
    {
        if (account.IsSystem || Ids(account.LinuxUser) is not null)
        {
            return;
        }

        if (root is not null || account.Name != TaskAccount.LinuxDefaultName)
        {
            throw new InstallStepException(messages.AccountMissing(account.Name));
        }

        ExternalCommand.Check("useradd", ["--system", "--user-group", "--no-create-home", "--home-dir", InstallLayout.LinuxStateFolder, "--shell", "/usr/sbin/nologin",
            "--comment", "MonitoramentoBKP probe", account.Name], Patience);
        journal.Add($"useradd {account.Name}", () => ExternalCommand.Check("userdel", [account.Name], Patience));
    }

    public void Secure(InstallLayout layout, TaskAccount account)
    {
        var (uid, gid) = IdsOf(account);
        Give(layout.ProgramFolder, uid, gid, Owner | Group);
        Give(layout.ConfigFolder, 0, gid, Owner | Group);
        if (File.Exists(layout.ConfigPath))
        {
            Give(layout.ConfigPath, 0, gid, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }

        Give(layout.StateFolder, uid, gid, Owner);
        foreach (var entry in Directory.EnumerateFileSystemEntries(layout.StateFolder, "*", SearchOption.AllDirectories))
        {
            // Whatever root wrote there (the key from enrollment, the clock correction) becomes the account's; modes stay.
            LinuxNative.Chown(entry, uid, gid);
        }
    }

    public string RegisterSchedule(InstallLayout layout, ProbeSchedule schedule, TaskAccount account, UndoJournal journal)
    {
        var folder = layout.UnitFolder!;
        var service = Path.Combine(folder, SystemdUnits.ServiceName);
        var timer = Path.Combine(folder, SystemdUnits.TimerName);
        var hadUnits = File.Exists(timer);
        journal.CreateFolder(folder);
        journal.Add(service, UndoJournal.RestoreFile(service));
        journal.Add(timer, UndoJournal.RestoreFile(timer));

        File.WriteAllText(service, SystemdUnits.Service(layout, schedule, account));
        File.WriteAllText(timer, SystemdUnits.Timer(schedule));
        if (root is not null)
        {
            ExternalCommand.Check("systemctl", [$"--root={root}", "enable", SystemdUnits.TimerName], Patience);
            journal.Add("systemctl enable", () => ExternalCommand.Run("systemctl", [$"--root={root}", hadUnits ? "reenable" : "disable", SystemdUnits.TimerName], Patience));
            return $"{timer} (systemctl --root={root} enable)";
        }

        ExternalCommand.Check("systemctl", ["daemon-reload"], Patience);
        journal.Add("systemctl daemon-reload", () => ExternalCommand.Run("systemctl", ["daemon-reload"], Patience));
        ExternalCommand.Check("systemctl", ["enable", "--now", SystemdUnits.TimerName], Patience);
        journal.Add("systemctl enable --now", () =>
        {
            ExternalCommand.Run("systemctl", hadUnits ? ["restart", SystemdUnits.TimerName] : ["disable", "--now", SystemdUnits.TimerName], Patience);
        });
        return $"{SystemdUnits.TimerName} ({timer})";
    }

    public async Task<EnrollmentResult> EnrollAsync(InstallLayout layout, InstallRequest request, Messages m, CancellationToken cancellationToken)
    {
        // Enrolled as root, then the key (0600) is given to the account by Secure: the store refuses a key others can read.
        var result = await Identity.Enrollment.EnrollAsync(request.Collector, request.BranchId, request.Token!, layout.StateFolder, layout.KeyFile, m, cancellationToken).ConfigureAwait(false);
        if (result.Accepted)
        {
            var (uid, gid) = IdsOf(request.Account);
            LinuxNative.Chown(layout.KeyFile, uid, gid);
        }

        return result;
    }

    public ExternalCommand.Result RunAsAccount(InstallLayout layout, TaskAccount account, IReadOnlyList<string> arguments, TimeSpan patience) => account.IsSystem
        ? ExternalCommand.Run(layout.Executable, arguments, patience)
        : ExternalCommand.Run("runuser", ["-u", account.LinuxUser, "--", layout.Executable, .. arguments], patience);

    public TaskAccount? InstalledAccount(InstallLayout layout)
    {
        var service = Path.Combine(layout.UnitFolder!, SystemdUnits.ServiceName);
        if (!File.Exists(service))
        {
            return null;
        }

        var user = File.ReadLines(service).FirstOrDefault(l => l.StartsWith("User=", StringComparison.Ordinal))?["User=".Length..].Trim();
        return user is null or "root" ? new TaskAccount(TaskAccount.SystemName, TaskLogon.System) : new TaskAccount(user, TaskLogon.S4U);
    }

    public IReadOnlyList<string> RemoveSchedule(InstallLayout layout)
    {
        var removed = new List<string>();
        var folder = layout.UnitFolder!;
        var timer = Path.Combine(folder, SystemdUnits.TimerName);
        var service = Path.Combine(folder, SystemdUnits.ServiceName);
        if (!File.Exists(timer) && !File.Exists(service))
        {
            return removed;
        }

        ExternalCommand.Check("systemctl", root is null ? ["disable", "--now", SystemdUnits.TimerName] : [$"--root={root}", "disable", SystemdUnits.TimerName], Patience);
        foreach (var unit in new[] { timer, service })
        {
            if (File.Exists(unit))
            {
                File.Delete(unit);
                removed.Add(unit);
            }
        }

        if (root is null)
        {
            ExternalCommand.Run("systemctl", ["daemon-reload"], Patience);
        }

        return removed;
    }

    public IReadOnlyList<string> RemoveAccount(TaskAccount account, InstallLayout layout) =>
        root is null && account.Name == TaskAccount.LinuxDefaultName && Ids(account.Name) is not null && ExternalCommand.Run("userdel", [account.Name], Patience).Succeeded
            ? [$"user {account.Name}"]
            : [];

    public void DeleteProgramFolder(InstallLayout layout, Action<string> removedAtReboot)
    {
        // A running program's file can be unlinked on Linux: this process keeps its copy until it exits.
        if (Directory.Exists(layout.ProgramFolder))
        {
            Directory.Delete(layout.ProgramFolder, recursive: true);
        }
    }

    public string AccessOf(string folder) =>
        LinuxStatOwner(folder) is { } owner ? string.Create(CultureInfo.InvariantCulture, $"uid {owner.Uid}, gid {owner.Gid}, mode {Convert.ToString((int)File.GetUnixFileMode(folder), 8)}") : "?";

    private static (uint Uid, uint Gid)? LinuxStatOwner(string path) =>
        Platform.LinuxStat.TryOwner(path, out var uid, out var gid) ? (uid, gid) : null;

    public string? NextRun(InstallLayout layout)
    {
        if (root is not null)
        {
            return null;
        }

        try
        {
            var result = ExternalCommand.Run("systemctl", ["show", SystemdUnits.TimerName, "-p", "NextElapseUSecRealtime", "--value"], TimeSpan.FromSeconds(10));
            var text = result.Stdout.Trim();
            return result.Succeeded && text.Length > 0 && text != "n/a" ? text : null;
        }
        catch (InstallStepException)
        {
            return null;
        }
    }

    private (uint Uid, uint Gid) IdsOf(TaskAccount account) =>
        account.IsSystem ? (0, 0) : Ids(account.LinuxUser) ?? throw new InstallStepException(messages.AccountMissing(account.Name));

    /// <summary>The user's uid and primary gid from the system's user database (id(1), which also asks NSS), or null when there is no such user.</summary>
    private static (uint Uid, uint Gid)? Ids(string user)
    {
        var uid = ExternalCommand.Run("id", ["-u", user], Patience);
        var gid = ExternalCommand.Run("id", ["-g", user], Patience);
        return uid.Succeeded && gid.Succeeded
            && uint.TryParse(uid.Stdout.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var u)
            && uint.TryParse(gid.Stdout.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var g)
            ? (u, g)
            : null;
    }

    private static void Give(string path, uint uid, uint gid, UnixFileMode mode)
    {
        LinuxNative.Chown(path, uid, gid);
        File.SetUnixFileMode(path, mode);
    }
}
