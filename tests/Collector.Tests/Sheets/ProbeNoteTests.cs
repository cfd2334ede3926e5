using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Collector.Sweep;
using MonitoramentoBKP.Contracts.Releases;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;

namespace MonitoramentoBKP.Collector.Tests.Sheets;

/// <summary>What the managers' sheet and the sweep make of a probe's update event and of its uninstall.</summary>
public sealed class ProbeNoteTests
{
    private static readonly BranchPolicy Branch = new() { Id = "F001", Name = "Loja 1", Template = "default", Sets = [Policy()] };

    private static readonly UpdateReport RolledBack = new()
    {
        Outcome = UpdateOutcome.RolledBack,
        Version = "1.5.0",
        PreviousVersion = "1.4.0",
        AtUtc = Local(2026, 11, 30, 23),
        Detail = "1.5.0 exited with code 3 on two scheduled runs",
    };

    private static string VersionCell(BranchContact contact, SheetLanguage language)
    {
        var tab = new SheetBuilder(language).Status([(Branch, new BranchSnapshot { Contact = contact })]);
        var column = SheetLayout.StatusColumns.ToList().FindIndex(c => c.Header.En == "Probe version");
        return tab.Rows.Single()[column].Text;
    }

    [Fact]
    public void A_rolled_back_update_shows_in_portuguese_by_default_with_both_versions()
    {
        var contact = new BranchContact { ProbeVersion = "1.4.0", Update = RolledBack };

        Assert.Equal("atualização falhou, versão anterior restaurada (1.5.0 → 1.4.0)", VersionCell(contact, SheetLanguage.Portuguese));
        Assert.Equal("update failed, previous version restored (1.5.0 → 1.4.0)", VersionCell(contact, SheetLanguage.English));
    }

    [Theory]
    [InlineData(UpdateOutcome.Updated)]
    [InlineData(UpdateOutcome.Refused)]
    [InlineData(UpdateOutcome.SelfTestFailed)]
    public void Any_other_update_event_leaves_the_version_alone(UpdateOutcome outcome)
    {
        var contact = new BranchContact { ProbeVersion = "1.4.0", Update = RolledBack with { Outcome = outcome } };

        Assert.Equal("1.4.0", VersionCell(contact, SheetLanguage.Portuguese));
    }

    [Fact]
    public void An_uninstalled_probe_shows_when_in_the_branchs_own_time()
    {
        // 02:30Z on 1 December is 23:30 of 30 November in São Paulo.
        var contact = new BranchContact { ProbeVersion = "1.4.0", UninstalledUtc = new DateTime(2026, 12, 1, 2, 30, 0, DateTimeKind.Utc) };

        Assert.Equal("sonda desinstalada em 30/11 23:30", VersionCell(contact, SheetLanguage.Portuguese));
        Assert.Equal("probe uninstalled at Nov 30 23:30", VersionCell(contact, SheetLanguage.English));
    }

    [Fact]
    public void The_sweep_judges_nothing_of_an_uninstalled_branch_and_plans_nothing_for_it()
    {
        var gone = Local(2026, 11, 1, 12);
        var contact = new BranchContact { LastContactUtc = gone, UninstalledUtc = gone };
        var snapshot = new BranchSnapshot { Contact = contact, Sets = new Dictionary<string, SetState> { ["sql"] = new() { SetId = "sql", Status = SetStatus.Ok, LastRunUtc = gone } } };
        var weeksLater = gone.AddDays(20);

        Assert.Null(SweepService.Judge(Branch, snapshot, weeksLater));
        Assert.Empty(DuePlan.Entries(Branch, contact, snapshot.Sets.Values, weeksLater));
        Assert.NotNull(SweepService.Judge(Branch, snapshot with { Contact = contact with { UninstalledUtc = null } }, weeksLater));
    }
}
