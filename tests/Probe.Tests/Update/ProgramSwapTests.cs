using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Contracts.Releases;
using MonitoramentoBKP.Probe.Tests.Support;
using MonitoramentoBKP.Probe.Update;

namespace MonitoramentoBKP.Probe.Tests.Update;

/// <summary>
/// The swap and the rollback interrupted at every named point (the process "dies" there: nothing after it runs),
/// then the next start's recovery: there is always a current executable, and it is the old or the new one, never
/// none and never half of one.
/// </summary>
public sealed class ProgramSwapTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly ProgramFolder _program;
    private readonly string _state;

    public ProgramSwapTests()
    {
        _program = new ProgramFolder(_tree.Folder("program"));
        _state = _tree.Folder("state");
        _tree.File("program/bkp-probe", "old");
        _tree.File("program/bkp-probe.previous", "older");
        _tree.File("program/staging/bkp-probe", "new");
    }

    public void Dispose() => _tree.Dispose();

    private sealed class KilledException(string point) : Exception($"killed at {point}");

    private static Action<string> DieAt(string point) => reached =>
    {
        if (reached == point)
        {
            throw new KilledException(point);
        }
    };

    private ProgramSwap Swap(Action<string>? reach = null) => new(_program, _state, _time, reach ?? (_ => { }));

    private static string Content(string path) => File.ReadAllText(path);

    public static TheoryData<string> SwapPoints => ["swap:journal-written", "swap:previous-removed", "swap:current-moved", "swap:staged-moved"];

    [Theory]
    [MemberData(nameof(SwapPoints))]
    public void A_swap_killed_at_any_point_is_completed_or_undone_by_the_next_start(string point)
    {
        Assert.Throws<KilledException>(() => Swap(DieAt(point)).Install(ReleaseVersion.Parse("1.5.0"), "1.4.0", skipNextRecover: false));

        var journal = Swap().Recover();

        Assert.True(File.Exists(_program.Current), "no current executable after recovery");
        if (journal is { Phase: UpdatePhase.Trial })
        {
            Assert.Equal("new", Content(_program.Current));
            Assert.Equal("old", Content(_program.Previous));
            Assert.Equal(ReleaseVersion.Parse("1.5.0"), UpdateStore.HighestAccepted(_state));
        }
        else
        {
            Assert.Null(journal);
            Assert.Equal("old", Content(_program.Current));
            Assert.Null(UpdateStore.HighestAccepted(_state));
        }

        // Once the current version was renamed, the staged one has passed its self-test: the swap is finished, not undone.
        Assert.Equal(point is "swap:current-moved" or "swap:staged-moved", journal is { Phase: UpdatePhase.Trial });
    }

    [Fact]
    public void An_uninterrupted_swap_keeps_the_previous_version_and_begins_the_trial()
    {
        var journal = Swap().Install(ReleaseVersion.Parse("1.5.0"), "1.4.0", skipNextRecover: true);

        Assert.Equal(UpdatePhase.Trial, journal.Phase);
        Assert.True(journal.SkipNextRecover);
        Assert.Equal(("new", "old"), (Content(_program.Current), Content(_program.Previous)));
        Assert.False(File.Exists(_program.Staged));
        Assert.Equal(journal, UpdateStore.ReadJournal(_state));
    }

    public static TheoryData<string> RollbackPoints => ["rollback:journal-written", "rollback:current-moved", "rollback:previous-moved"];

    [Theory]
    [MemberData(nameof(RollbackPoints))]
    public void A_rollback_killed_at_any_point_is_finished_by_the_next_start(string point)
    {
        var trial = Swap().Install(ReleaseVersion.Parse("1.5.0"), "1.4.0", skipNextRecover: false);
        Assert.Throws<KilledException>(() => Swap(DieAt(point)).RollBack(trial, "it crashed"));

        var journal = Swap().Recover();

        Assert.Equal(UpdatePhase.RolledBack, journal?.Phase);
        Assert.Equal("old", Content(_program.Current));
        Assert.Equal("new", Content(_program.Failed));
        Assert.False(File.Exists(_program.Previous));
        Assert.True(UpdateStore.IsBad(_state, ReleaseVersion.Parse("1.5.0")));
        var report = UpdateStore.ReadReport(_state);
        Assert.Equal((UpdateOutcome.RolledBack, "1.5.0", "1.4.0", "it crashed"), (report?.Outcome, report?.Version, report?.PreviousVersion, report?.Detail));
    }

    [Fact]
    public void Recovery_leaves_a_trial_or_a_finished_update_as_it_is()
    {
        var trial = Swap().Install(ReleaseVersion.Parse("1.5.0"), "1.4.0", skipNextRecover: false);
        Assert.Equal(trial, Swap().Recover());

        var confirmed = Swap().Confirm(trial);
        Assert.Equal(confirmed, Swap().Recover());
        Assert.Equal(UpdateOutcome.Updated, UpdateStore.ReadReport(_state)?.Outcome);
        Assert.Equal(("new", "old"), (Content(_program.Current), Content(_program.Previous)));
    }

    [Fact]
    public void The_highest_accepted_version_is_never_lowered()
    {
        UpdateStore.RaiseHighest(_state, ReleaseVersion.Parse("1.5.0"));
        UpdateStore.RaiseHighest(_state, ReleaseVersion.Parse("1.4.9"));

        Assert.Equal(ReleaseVersion.Parse("1.5.0"), UpdateStore.HighestAccepted(_state));
        UpdateStore.RaiseHighest(_state, ReleaseVersion.Parse("1.10.0"));
        Assert.Equal(ReleaseVersion.Parse("1.10.0"), UpdateStore.HighestAccepted(_state));
    }
}
