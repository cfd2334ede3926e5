using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Scheduling;

namespace MonitoramentoBKP.Probe.Install;

/// <summary>
/// <c>bkp-probe uninstall</c>: tells the collector first (an unreachable collector is said and does not stop the
/// uninstall), then removes the task or units, the state folder with the key, the configuration and the program
/// folder, and on Linux the bkp-probe user install made. Every part is tried; each is reported.
/// </summary>
public sealed class Uninstaller(IInstallPlatform platform, InstallLayout layout, InstallMessages messages, TextWriter output, TextWriter error)
{
    public async Task<int> UninstallAsync(CancellationToken cancellationToken)
    {
        if (!platform.IsAdministrator)
        {
            error.WriteLine($"bkp-probe: {messages.NotAdministrator(layout.Os)}");
            return ExitCodes.NotAdministrator;
        }

        var account = platform.InstalledAccount(layout);
        if (account is null && !Directory.Exists(layout.ProgramFolder) && !File.Exists(layout.ConfigPath))
        {
            output.WriteLine(messages.NotInstalled(layout.ProgramFolder, layout.ConfigPath));
            return ExitCodes.Ok;
        }

        var problem = File.Exists(layout.ConfigPath) ? await NotifyAsync(account, cancellationToken).ConfigureAwait(false) : layout.ConfigPath;
        output.WriteLine(problem is null ? messages.CollectorTold : messages.CollectorNotTold(problem));

        var failed = false;
        Try(() => platform.RemoveSchedule(layout), layout.Os == TargetOs.Windows ? WindowsTask.Name : SystemdUnits.TimerName);
        Try(() => Folder(layout.StateFolder), layout.StateFolder);
        Try(() => Folder(layout.ConfigFolder), layout.ConfigFolder);
        Try(() =>
        {
            platform.DeleteProgramFolder(layout, file => output.WriteLine(messages.RemovedAtReboot(file)));
            return [layout.ProgramFolder];
        }, layout.ProgramFolder);
        if (account is not null)
        {
            Try(() => platform.RemoveAccount(account, layout), account.Name);
        }

        if (failed)
        {
            return ExitCodes.InstallFailed;
        }

        output.WriteLine(messages.Uninstalled);
        return ExitCodes.Ok;

        void Try(Func<IReadOnlyList<string>> remove, string what)
        {
            try
            {
                foreach (var removed in remove())
                {
                    output.WriteLine(messages.Removed(removed));
                }
            }
            catch (Exception e) when (e is InstallStepException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"bkp-probe: {messages.RemoveFailed(what, e.Message)}");
                failed = true;
            }
        }
    }

    private static IReadOnlyList<string> Folder(string path)
    {
        if (!Directory.Exists(path))
        {
            return [];
        }

        Directory.Delete(path, recursive: true);
        return [path];
    }

    /// <summary>The notice, sent by whoever can open the key: this process on Linux (root), the task's account on Windows (DPAPI).</summary>
    private async Task<string?> NotifyAsync(TaskAccount? account, CancellationToken cancellationToken)
    {
        if (layout.Os != TargetOs.Windows)
        {
            return await UninstallNotice.SendAsync(layout.ConfigPath, cancellationToken).ConfigureAwait(false);
        }

        if (!File.Exists(layout.KeyFile) || !File.Exists(layout.Executable))
        {
            return layout.KeyFile;
        }

        try
        {
            var run = platform.RunAsAccount(layout, account ?? TaskAccount.Default(TargetOs.Windows), ["uninstall", "--notify-only", "--config", layout.ConfigPath], TimeSpan.FromMinutes(2));
            return run.ExitCode == ExitCodes.Ok ? null : run.Said.Replace("bkp-probe: ", "", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is InstallStepException or IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }
}
