using System.Text;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Scheduling;

namespace MonitoramentoBKP.Probe.Install;

/// <summary>
/// <c>install --dry-run</c>: what the install would create, for ops to review, changing nothing: the folders and
/// who may open them, probe.json, and the complete task XML or unit files, each between
/// <c>----- BEGIN name -----</c> and <c>----- END name -----</c> lines, then the commands it would run.
/// </summary>
public static class InstallPreview
{
    public static void Write(InstallRequest request, InstallLayout layout, TextWriter output)
    {
        var im = new InstallMessages(request.Language);
        output.WriteLine(im.DryRunHeader);
        output.WriteLine(im.ProgramFolder(layout.Executable));
        output.WriteLine(im.ConfigFile(layout.ConfigPath));
        output.WriteLine(im.StateFolder(layout.StateFolder, im.AccessText(request.Account, request.Os)));
        if (request.Os == TargetOs.Windows)
        {
            var sid = request.Account.IsSystem ? null : $"<SID of {request.Account.Name}>";
            output.WriteLine(im.Acl(layout.ConfigFolder, FolderAcl.Sddl(sid, FolderAcl.Read)));
            output.WriteLine(im.Acl(layout.StateFolder, FolderAcl.Sddl(sid, FolderAcl.Modify)));
        }

        output.WriteLine(request.Os == TargetOs.Windows ? im.TaskName(WindowsTask.Name) : im.UnitFolder(layout.UnitFolder!));
        output.WriteLine(im.Account(request.Account));
        output.WriteLine(im.Schedule(request.Schedule));
        output.WriteLine(im.Enrollment(request.Token is not null));
        output.WriteLine();

        File(output, ConfigLoader.FileName, Encoding.UTF8.GetString(ProbeJsonFile.Merge(null, Installer.ConfigValues(request, layout))));
        if (request.Os == TargetOs.Windows)
        {
            File(output, WindowsTask.FileName, WindowsTask.Xml(layout, request.Schedule, request.Account).ReplaceLineEndings("\n"));
        }
        else
        {
            File(output, SystemdUnits.ServiceName, SystemdUnits.Service(layout, request.Schedule, request.Account));
            File(output, SystemdUnits.TimerName, SystemdUnits.Timer(request.Schedule));
        }

        output.WriteLine(im.Commands);
        foreach (var command in Commands(request, layout))
        {
            output.WriteLine("  " + command);
        }
    }

    /// <summary>The scheduler commands the install runs, as a technician would type them.</summary>
    public static IEnumerable<string> Commands(InstallRequest request, InstallLayout layout)
    {
        if (request.Os == TargetOs.Windows)
        {
            var credentials = request.Account.Logon == TaskLogon.Password ? $" /RU \"{request.Account.Name}\" /RP *" : "";
            yield return $"schtasks /Create /XML \"{layout.Join(layout.ConfigFolder, WindowsTask.FileName)}\" /TN \"{WindowsTask.Name}\" /F{credentials}";
            yield break;
        }

        if (request.Account.Name == TaskAccount.LinuxDefaultName && request.Root is null)
        {
            yield return $"id -u {TaskAccount.LinuxDefaultName} > /dev/null 2>&1 || useradd --system --user-group --no-create-home --home-dir {InstallLayout.LinuxStateFolder} --shell /usr/sbin/nologin {TaskAccount.LinuxDefaultName}";
        }

        if (request.Root is not null)
        {
            yield return $"systemctl --root={request.Root} enable {SystemdUnits.TimerName}";
            yield break;
        }

        yield return "systemctl daemon-reload";
        yield return $"systemctl enable --now {SystemdUnits.TimerName}";
    }

    private static void File(TextWriter output, string name, string content)
    {
        output.WriteLine($"----- BEGIN {name} -----");
        output.Write(content.EndsWith('\n') ? content : content + "\n");
        output.WriteLine($"----- END {name} -----");
        output.WriteLine();
    }
}
