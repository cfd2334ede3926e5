using System.Globalization;
using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MonitoramentoBKP.Probe.Identity;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Scheduling;

namespace MonitoramentoBKP.Probe.Install;

/// <summary>
/// Windows: folders whose ACL (inheritance off) lets in SYSTEM, Administrators and the task's account only, the task
/// registered with <c>schtasks /Create /XML</c>, and the steps that touch the key (enrollment, the first run) run as
/// the task's account through a one-off task, because DPAPI seals the key for the account that made it.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed partial class WindowsInstall(string? root, InstallMessages messages) : IInstallPlatform
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>With a root (tests) the paths move, but the task is the machine's: it keeps its name.</summary>
    public string? Root { get; } = root;

    public bool IsAdministrator => new WindowsPrincipal(WindowsIdentity.GetCurrent()).IsInRole(WindowsBuiltInRole.Administrator);

    public void PrepareAccount(TaskAccount account, UndoJournal journal)
    {
        if (!account.IsSystem)
        {
            Sid(account);
        }
    }

    public void Secure(InstallLayout layout, TaskAccount account)
    {
        var who = account.IsSystem ? null : Sid(account);
        Protect(layout.ConfigFolder, who, FolderAcl.Read);
        Protect(layout.StateFolder, who, FolderAcl.Modify);
        if (who is not null)
        {
            // The program folder keeps what Program Files gives (everyone may run it) plus the account's right to swap its files on update.
            var folder = new DirectoryInfo(layout.ProgramFolder);
            var security = folder.GetAccessControl();
            security.AddAccessRule(new FileSystemAccessRule(who, FileSystemRights.Modify, InheritanceFlags.ContainerInherit | InheritanceFlags.ObjectInherit, PropagationFlags.None, AccessControlType.Allow));
            folder.SetAccessControl(security);
        }
    }

    public string RegisterSchedule(InstallLayout layout, ProbeSchedule schedule, TaskAccount account, UndoJournal journal)
    {
        var earlier = RegisteredXml();
        Create(layout, WindowsTask.Name, WindowsTask.Xml(layout, schedule, account), account);
        journal.Add(WindowsTask.Name, earlier is not null
            ? () => Create(layout, WindowsTask.Name, earlier.ToString(), account)
            : () => ExternalCommand.Check("schtasks", ["/Delete", "/TN", WindowsTask.Name, "/F"], Patience));
        return WindowsTask.Name;
    }

    public Task<EnrollmentResult> EnrollAsync(InstallLayout layout, InstallRequest request, Messages m, CancellationToken cancellationToken)
    {
        // enroll writes a probe.json: a throwaway one in the state folder, where the account may write; install wrote the real one.
        var scratch = layout.Join(layout.StateFolder, "install-enroll.json");
        var run = RunAsAccount(layout, request.Account,
            ["enroll", "--collector", request.Collector.ToString(), "--branch", request.BranchId, "--token", request.Token!,
             "--config", scratch, "--state-dir", layout.StateFolder, "--key-file", layout.KeyFile, "--lang", "en"], Patience);
        File.Delete(scratch);
        if (run.ExitCode != ExitCodes.Ok)
        {
            return Task.FromResult(new EnrollmentResult(run.ExitCode, null, run.Said.Replace("bkp-probe: ", "", StringComparison.Ordinal)));
        }

        var keyId = EnrolledKey().Match(run.Stdout) is { Success: true } match ? match.Groups[1].Value : "?";
        return Task.FromResult(new EnrollmentResult(ExitCodes.Ok, keyId, null));
    }

    /// <summary>
    /// Runs the installed probe as the account through a one-off task: a batch file in the state folder (which only
    /// the account and administrators can open) runs it with its output in files there and its exit code last; the
    /// task is deleted and the files read back once the code is written.
    /// </summary>
    public ExternalCommand.Result RunAsAccount(InstallLayout layout, TaskAccount account, IReadOnlyList<string> arguments, TimeSpan patience)
    {
        var script = layout.Join(layout.StateFolder, "install-step.cmd");
        var stdout = layout.Join(layout.StateFolder, "install-step.out");
        var stderr = layout.Join(layout.StateFolder, "install-step.err");
        var code = layout.Join(layout.StateFolder, "install-step.code");
        foreach (var file in new[] { stdout, stderr, code })
        {
            File.Delete(file);
        }

        // %% so that cmd reads a literal %; the redirection before echo so a one-digit code is not read as a handle number.
        var line = string.Join(' ', arguments.Prepend(layout.Executable).Select(a => "\"" + a.Replace("%", "%%", StringComparison.Ordinal) + "\""));
        File.WriteAllText(script, $"@echo off\r\n{line} > \"{stdout}\" 2> \"{stderr}\"\r\n> \"{code}\" echo %ERRORLEVEL%\r\n", Encoding.ASCII);
        try
        {
            Create(layout, WindowsTask.StepName, WindowsTask.StepXml(account, script, layout.ProgramFolder, patience), account);
            ExternalCommand.Check("schtasks", ["/Run", "/TN", WindowsTask.StepName], Patience);
            var deadline = DateTime.UtcNow + patience;
            while (!File.Exists(code) || new FileInfo(code).Length == 0)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new InstallStepException($"{WindowsTask.StepName}: no result after {patience.TotalMinutes:0} min");
                }

                Thread.Sleep(250);
            }

            Thread.Sleep(100);
            return new ExternalCommand.Result(
                int.Parse(File.ReadAllText(code).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                File.Exists(stdout) ? File.ReadAllText(stdout) : "",
                File.Exists(stderr) ? File.ReadAllText(stderr) : "");
        }
        finally
        {
            ExternalCommand.Run("schtasks", ["/Delete", "/TN", WindowsTask.StepName, "/F"], Patience);
            foreach (var file in new[] { script, stdout, stderr, code })
            {
                File.Delete(file);
            }
        }
    }

    public TaskAccount? InstalledAccount(InstallLayout layout)
    {
        if (RegisteredXml() is not { } task)
        {
            return null;
        }

        XNamespace t = WindowsTask.Namespace;
        var principal = task.Root?.Element(t + "Principals")?.Element(t + "Principal");
        var user = principal?.Element(t + "UserId")?.Value;
        var logon = principal?.Element(t + "LogonType")?.Value;
        return user is null or TaskAccount.SystemSid || user.EndsWith("SYSTEM", StringComparison.OrdinalIgnoreCase)
            ? TaskAccount.Default(TargetOs.Windows)
            : new TaskAccount(user, logon == "Password" ? TaskLogon.Password : TaskLogon.S4U);
    }

    public IReadOnlyList<string> RemoveSchedule(InstallLayout layout)
    {
        // Deleted without asking first (Wine's schtasks has no /Query); a refusal is an error only for a task that /Query sees.
        var deleted = ExternalCommand.Run("schtasks", ["/Delete", "/TN", WindowsTask.Name, "/F"], Patience);
        if (deleted.Succeeded)
        {
            return [WindowsTask.Name];
        }

        return ExternalCommand.Run("schtasks", ["/Query", "/TN", WindowsTask.Name], Patience).Succeeded
            ? throw new InstallStepException($"schtasks /Delete /TN {WindowsTask.Name}: {deleted.Said}")
            : [];
    }

    public IReadOnlyList<string> RemoveAccount(TaskAccount account, InstallLayout layout) => [];

    /// <summary>
    /// Windows will not delete a running program's files, but it renames them: each file in use is moved out of the
    /// folder into %TEMP% (so the folder itself goes now) and marked for deletion at the next restart with MoveFileEx.
    /// Chosen over a "wait, then delete" cmd.exe left behind: nothing races this process's exit, and a file that
    /// cannot be moved is still deleted at the restart.
    /// </summary>
    public void DeleteProgramFolder(InstallLayout layout, Action<string> removedAtReboot)
    {
        if (!Directory.Exists(layout.ProgramFolder))
        {
            return;
        }

        var parking = Path.Combine(Path.GetTempPath(), "bkp-probe-uninstall-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(layout.ProgramFolder, "*", SearchOption.AllDirectories).ToList())
        {
            try
            {
                File.Delete(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var parked = Path.Combine(parking, Path.GetRelativePath(layout.ProgramFolder, file));
                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(parked)!);
                    File.Move(file, parked);
                }
                catch (Exception moved) when (moved is IOException or UnauthorizedAccessException)
                {
                    parked = file;
                }

                if (!WindowsNative.DeleteAtReboot(parked))
                {
                    throw new InstallStepException(messages.RemoveFailed(file, e.Message));
                }

                removedAtReboot(file);
            }
        }

        if (Directory.Exists(parking))
        {
            WindowsNative.DeleteAtReboot(parking);
        }

        Directory.Delete(layout.ProgramFolder, recursive: true);
    }

    public string AccessOf(string folder)
    {
        var security = new DirectoryInfo(folder).GetAccessControl();
        var rules = security.GetAccessRules(includeExplicit: true, includeInherited: true, typeof(SecurityIdentifier)).OfType<FileSystemAccessRule>()
            .Where(r => r.AccessControlType == AccessControlType.Allow)
            .Select(r => $"{Name(r.IdentityReference)}: {r.FileSystemRights}");
        return (security.AreAccessRulesProtected ? "protected; " : "inherited; ") + string.Join("; ", rules);

        static string Name(IdentityReference sid)
        {
            try
            {
                return sid.Translate(typeof(NTAccount)).Value;
            }
            catch (Exception e) when (e is IdentityNotMappedException or SystemException)
            {
                return sid.Value;
            }
        }
    }

    public string? NextRun(InstallLayout layout)
    {
        try
        {
            // CSV columns are in a fixed order whatever the language of Windows: TaskName, Next Run Time, Status.
            var query = ExternalCommand.Run("schtasks", ["/Query", "/TN", WindowsTask.Name, "/FO", "CSV", "/NH"], TimeSpan.FromSeconds(20));
            var fields = query.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()?.Split("\",\"");
            return query.Succeeded && fields is { Length: >= 2 } ? fields[1].Trim('"') : null;
        }
        catch (InstallStepException)
        {
            return null;
        }
    }

    /// <summary>The registered task as schtasks /Query /XML gives it; null when there is none or no usable answer (Wine's schtasks answers nothing).</summary>
    private static XDocument? RegisteredXml()
    {
        var query = ExternalCommand.Run("schtasks", ["/Query", "/TN", WindowsTask.Name, "/XML"], Patience);
        try
        {
            return query.Succeeded && query.Stdout.TrimStart().StartsWith('<') ? XDocument.Parse(query.Stdout) : null;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    /// <summary>The account's SID; an unknown name is refused saying so.</summary>
    private SecurityIdentifier Sid(TaskAccount account)
    {
        try
        {
            return (SecurityIdentifier)new NTAccount(account.Name).Translate(typeof(SecurityIdentifier));
        }
        catch (Exception e) when (e is IdentityNotMappedException or SystemException)
        {
            throw new InstallStepException(messages.AccountMissing(account.Name), e);
        }
    }

    /// <summary>Replaces the folder's DACL with <see cref="FolderAcl"/>'s: nothing inherited, SYSTEM, Administrators and the account only.</summary>
    private static void Protect(string folder, SecurityIdentifier? account, string rights)
    {
        var security = new DirectorySecurity();
        security.SetSecurityDescriptorSddlForm(FolderAcl.Sddl(account?.Value, rights), AccessControlSections.Access);
        new DirectoryInfo(folder).SetAccessControl(security);
    }

    /// <summary>Registers <paramref name="xml"/> as <paramref name="name"/>; a Password account's password is typed into schtasks itself, never seen here.</summary>
    private static void Create(InstallLayout layout, string name, string xml, TaskAccount account)
    {
        var file = layout.Join(layout.ConfigFolder, name == WindowsTask.Name ? WindowsTask.FileName : "bkp-probe-step.xml");
        File.WriteAllBytes(file, xml.StartsWith("<?xml", StringComparison.Ordinal) && xml.Contains("UTF-16", StringComparison.OrdinalIgnoreCase) ? WindowsTask.Encode(xml) : Encoding.UTF8.GetBytes(xml));
        try
        {
            var password = account.Logon == TaskLogon.Password;
            ExternalCommand.Check("schtasks", ["/Create", "/XML", file, "/TN", name, "/F", .. password ? new[] { "/RU", account.Name, "/RP", "*" } : []], Patience, interactive: password);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"\bkey ([A-Za-z0-9_-]+)\.")]
    private static partial Regex EnrolledKey();
}
