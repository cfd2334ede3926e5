using System.CommandLine;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Delivery;
using MonitoramentoBKP.Probe.Localization;
using MonitoramentoBKP.Probe.Update;

namespace MonitoramentoBKP.Probe.Commands;

/// <summary>
/// <c>bkp-probe recover</c>, which the schedule runs with the PREVIOUS version (<c>bkp-probe.previous</c>) after every
/// run, so a new version that crashes at start cannot prevent its own rollback. With no update on trial it does
/// nothing. On trial: a run the new version completed (delivered) since the trial began confirms it; otherwise the
/// run is counted as failed and this known good version runs <c>run</c> itself, so no scheduled manifest is lost;
/// at the second failed run it puts itself back in place (the new version is kept as <c>bkp-probe.failed</c> and
/// never installed again) and the rollback is reported in the next manifest.
/// </summary>
public static class RecoverCommand
{
    /// <summary>Scheduled runs the new version may fail before it is rolled back.</summary>
    public const int FailedRunsBeforeRollback = 2;

    public static Command Create(CommonOptions common)
    {
        var command = new Command("recover", "Confirma ou desfaz uma atualização em teste (tarefa agendada, versão anterior) / confirm or roll back an update on trial (scheduled task, previous version)");
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(common.Read(parse), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ConfigOverrides overrides, CancellationToken cancellationToken)
    {
        var config = CommandSupport.LoadConfig(overrides, out var exit, requireCollector: false, setsRequired: false);
        if (config is null)
        {
            return exit;
        }

        var messages = new Messages(config.Language);
        if (ProgramFolder.OfRunningProcess(out _) is not { } program)
        {
            Console.Error.WriteLine($"bkp-probe: {messages.UpdatesNeedInstalledProbe}");
            return ExitCodes.BadConfiguration;
        }

        var before = UpdateStore.ReadJournal(config.StateDirectory);
        if (UpdateCommand.Resume(config, messages) is not { Phase: UpdatePhase.Trial } trial)
        {
            return ExitCodes.Ok;
        }

        if (before?.Phase == UpdatePhase.Swapping)
        {
            // This recover finished a swap a killed process left half-done: the current version was missing, so this
            // scheduled run has not run at all. The new version has had no chance yet; this version runs in its place.
            return await RunCommand.RunAsync(overrides, new ScanChoices(), checkForUpdate: false, cancellationToken).ConfigureAwait(false);
        }

        var swap = new ProgramSwap(program, config.StateDirectory, TimeProvider.System);
        if (trial.SkipNextRecover)
        {
            // This recover follows the very run that installed the new version: the new version has not run yet.
            UpdateStore.WriteJournal(config.StateDirectory, trial with { SkipNextRecover = false });
            return ExitCodes.Ok;
        }

        var runs = RunLog.Read(config.StateDirectory).Where(r => string.Equals(r.ProbeVersion, trial.Version, StringComparison.Ordinal)).ToList();
        if (runs.Exists(r => r.Outcome == "delivered" && (trial.TrialStartedUtc is not { } since || r.FinishedUtc >= since)))
        {
            swap.Confirm(trial);
            Console.Error.WriteLine($"bkp-probe: {messages.TrialConfirmed(trial.Version)}");
            return ExitCodes.Ok;
        }

        var counted = trial with { FailedRuns = trial.FailedRuns + 1 };
        if (counted.FailedRuns >= FailedRunsBeforeRollback)
        {
            var last = runs.LastOrDefault();
            var detail = $"Version {trial.Version} delivered nothing in {counted.FailedRuns} scheduled runs since {trial.TrialStartedUtc:O}; "
                + (last is null ? "it recorded no run at all (it fails at start). " : $"its last run ended '{last.Outcome}' (exit code {last.ExitCode}{(last.Detail is null ? "" : ": " + last.Detail)}). ")
                + $"Version {trial.PreviousVersion} restored.";
            swap.RollBack(counted, detail);
            Console.Error.WriteLine($"bkp-probe: {messages.TrialRolledBack(trial.Version, trial.PreviousVersion)}");
        }
        else
        {
            UpdateStore.WriteJournal(config.StateDirectory, counted);
            Console.Error.WriteLine($"bkp-probe: {messages.TrialRunFailed(trial.Version, counted.FailedRuns)}");
        }

        return await RunCommand.RunAsync(overrides, new ScanChoices(), checkForUpdate: false, cancellationToken).ConfigureAwait(false);
    }
}
