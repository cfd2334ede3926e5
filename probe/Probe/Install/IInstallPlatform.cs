using MonitoramentoBKP.Probe.Identity;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Scheduling;

namespace MonitoramentoBKP.Probe.Install;

/// <summary>
/// What install and uninstall do differently on Windows (ACLs, Task Scheduler, DPAPI as the task's account) and
/// Linux (owners and modes, systemd, a dedicated user). Each change that can fail is recorded in the journal with
/// its undo; a failure is an <see cref="InstallStepException"/>.
/// </summary>
public interface IInstallPlatform
{
    bool IsAdministrator { get; }

    /// <summary>The account exists afterwards (Linux makes the default bkp-probe user when missing).</summary>
    void PrepareAccount(TaskAccount account, UndoJournal journal);

    /// <summary>The program, config and state folders opened to the task's account and administrators only; run again after enrollment and the first run.</summary>
    void Secure(InstallLayout layout, TaskAccount account);

    /// <summary>Registers the task or timer (replacing the one of an earlier install, put back on undo); returns what it registered, for the summary.</summary>
    string RegisterSchedule(InstallLayout layout, ProbeSchedule schedule, TaskAccount account, UndoJournal journal);

    /// <summary>Enrolls so that the task's account can use the key.</summary>
    Task<EnrollmentResult> EnrollAsync(InstallLayout layout, InstallRequest request, Messages messages, CancellationToken cancellationToken);

    /// <summary>Runs the installed probe once with <paramref name="arguments"/> as the task's account.</summary>
    ExternalCommand.Result RunAsAccount(InstallLayout layout, TaskAccount account, IReadOnlyList<string> arguments, TimeSpan patience);

    /// <summary>The account the installed schedule runs as, read back from it (null: none installed).</summary>
    TaskAccount? InstalledAccount(InstallLayout layout);

    /// <summary>Unregisters the task or timer; returns what it removed.</summary>
    IReadOnlyList<string> RemoveSchedule(InstallLayout layout);

    /// <summary>After the folders are gone: removes what install made for the account (Linux: the default user).</summary>
    IReadOnlyList<string> RemoveAccount(TaskAccount account, InstallLayout layout);

    /// <summary>Deletes the program folder; files in use (this very program on Windows) go at the next restart, each reported.</summary>
    void DeleteProgramFolder(InstallLayout layout, Action<string> removedAtReboot);

    /// <summary>Who may open <paramref name="folder"/>, as the system reads it back (Windows: the DACL's accounts; Linux: owner and mode).</summary>
    string AccessOf(string folder);

    /// <summary>The next scheduled run as the scheduler reports it, or null when it cannot say.</summary>
    string? NextRun(InstallLayout layout);
}
