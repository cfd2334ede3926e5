using MonitoramentoBKP.Contracts.Releases;

namespace MonitoramentoBKP.Probe.Update;

/// <summary>
/// Puts a staged version in place and takes it out again, by renames only (a running executable cannot be
/// overwritten on Windows, but it can be renamed), each step journalled in <c>update.json</c> first, so that a
/// process killed between any two steps leaves a state <see cref="Recover"/> completes or undoes: there is always a
/// <c>bkp-probe</c> or a <c>bkp-probe.previous</c> that runs, and the previous one can always finish the job.
/// </summary>
/// <param name="reach">Called at each named point (see <see cref="UpdateFaults"/>); tests kill or fail there.</param>
public sealed class ProgramSwap(ProgramFolder program, string stateDirectory, TimeProvider time, Action<string>? reach = null)
{
    private readonly Action<string> _reach = reach ?? UpdateFaults.Reach;

    /// <summary>
    /// Swaps the self-tested <see cref="ProgramFolder.Staged"/> in as the current version: current becomes previous
    /// (the one before that is dropped), staged becomes current, and the trial begins.
    /// </summary>
    public UpdateJournal Install(ReleaseVersion version, string runningVersion, bool skipNextRecover)
    {
        var journal = new UpdateJournal
        {
            Phase = UpdatePhase.Swapping,
            Version = version.Text,
            PreviousVersion = runningVersion,
            StartedUtc = time.GetUtcNow().UtcDateTime,
            SkipNextRecover = skipNextRecover,
        };
        UpdateStore.WriteJournal(stateDirectory, journal);
        _reach("swap:journal-written");
        File.Delete(program.Previous);
        _reach("swap:previous-removed");
        File.Move(program.Current, program.Previous);
        _reach("swap:current-moved");
        File.Move(program.Staged, program.Current);
        _reach("swap:staged-moved");
        return BeginTrial(journal);
    }

    /// <summary>Puts the previous version back: current becomes failed, previous becomes current; the version is never installed again.</summary>
    public UpdateJournal RollBack(UpdateJournal trial, string detail)
    {
        var journal = trial with { Phase = UpdatePhase.RollingBack, Detail = detail };
        UpdateStore.WriteJournal(stateDirectory, journal);
        _reach("rollback:journal-written");
        return FinishRollBack(journal);
    }

    /// <summary>The new version completed a run: the update is done, and reported as such.</summary>
    public UpdateJournal Confirm(UpdateJournal trial)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var journal = trial with { Phase = UpdatePhase.Confirmed, EndedUtc = now };
        UpdateStore.WriteJournal(stateDirectory, journal);
        UpdateStore.WriteReport(stateDirectory, new UpdateReport { Outcome = UpdateOutcome.Updated, Version = trial.Version, PreviousVersion = trial.PreviousVersion, AtUtc = now });
        return journal;
    }

    /// <summary>
    /// Completes or undoes a swap or a rollback a killed process left half-done, from the journal and the files
    /// present; any other phase is left as it is. Returns the journal as it stands afterwards (null when none).
    /// Every version runs this at start (<c>run</c>, <c>update</c>, <c>recover</c>).
    /// </summary>
    public UpdateJournal? Recover()
    {
        var journal = UpdateStore.ReadJournal(stateDirectory);
        switch (journal?.Phase)
        {
            case UpdatePhase.Swapping when !File.Exists(program.Current) && File.Exists(program.Staged):
                // Killed between the two renames: the staged version passed its self-test, so the swap is completed.
                File.Move(program.Staged, program.Current);
                return BeginTrial(journal);
            case UpdatePhase.Swapping when !File.Exists(program.Current):
                // Nothing staged and nothing current: the renamed current version is the previous one; it goes back.
                File.Move(program.Previous, program.Current);
                UpdateStore.DeleteJournal(stateDirectory);
                return null;
            case UpdatePhase.Swapping when File.Exists(program.Staged):
                // Killed before the current version was renamed: nothing was swapped.
                UpdateStore.DeleteJournal(stateDirectory);
                return null;
            case UpdatePhase.Swapping:
                // Killed after both renames, before the trial was written.
                return BeginTrial(journal);
            case UpdatePhase.RollingBack:
                return FinishRollBack(journal);
            default:
                return journal;
        }
    }

    private UpdateJournal BeginTrial(UpdateJournal journal)
    {
        var trial = journal with { Phase = UpdatePhase.Trial, TrialStartedUtc = time.GetUtcNow().UtcDateTime, FailedRuns = 0 };
        UpdateStore.RaiseHighest(stateDirectory, ReleaseVersion.Parse(journal.Version));
        UpdateStore.WriteJournal(stateDirectory, trial);
        return trial;
    }

    private UpdateJournal FinishRollBack(UpdateJournal journal)
    {
        if (File.Exists(program.Previous))
        {
            if (File.Exists(program.Current))
            {
                File.Delete(program.Failed);
                File.Move(program.Current, program.Failed);
                _reach("rollback:current-moved");
            }

            File.Move(program.Previous, program.Current);
            _reach("rollback:previous-moved");
        }

        var now = time.GetUtcNow().UtcDateTime;
        UpdateStore.MarkBad(stateDirectory, journal.Version);
        UpdateStore.WriteReport(stateDirectory, new UpdateReport
        {
            Outcome = UpdateOutcome.RolledBack,
            Version = journal.Version,
            PreviousVersion = journal.PreviousVersion,
            AtUtc = now,
            Detail = journal.Detail,
        });
        var done = journal with { Phase = UpdatePhase.RolledBack, EndedUtc = now };
        UpdateStore.WriteJournal(stateDirectory, done);
        return done;
    }
}
