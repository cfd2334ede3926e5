using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Functions.Tests.Support;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;

namespace MonitoramentoBKP.Functions.Tests;

/// <summary>
/// The collector's receive time is the authority: no manifest, however wrong its clock, may stop a later honest one
/// from setting the status, nor keep the sweep from noticing the backups stopped.
/// </summary>
public sealed class WrongClockTests
{
    private static readonly DateTime Night = Local(2026, 11, 30, 23);
    private readonly TestCollector _collector = new(new DateTimeOffset(Night.AddMinutes(2), TimeSpan.Zero));
    private readonly Branch _branch;

    public WrongClockTests() => _branch = new Branch(_collector);

    private DateTime Now => _collector.Time.GetUtcNow().UtcDateTime;

    /// <summary>Everything the probe reports moved by <paramref name="off"/> (a wrong clock on the branch machine).</summary>
    private static Manifest Skewed(Manifest m, TimeSpan off) => m with
    {
        StartedUtc = m.StartedUtc + off,
        FinishedUtc = m.FinishedUtc + off,
        Sets = [.. m.Sets.Select(s => s with { Files = [.. s.Files.Select(f => f with { LastWriteUtc = f.LastWriteUtc + off })] })],
    };

    /// <summary>An honest run tonight whose sql-vendas folder is gone: it must fail the set whatever came before.</summary>
    private Manifest HonestWithoutVendas() => Branch.Run(Now.AddSeconds(-5)) is var m
        ? m with { Sets = [m.Sets[0] with { Exists = false, Readable = false, Files = [], FileCount = 0, TotalBytes = 0, Error = new ProblemReport { Code = ProblemCode.NotFound } }, m.Sets[1]] }
        : m;

    /// <summary>A day and a half with no manifest at all, then the sweep: the sets must be found MISSED.</summary>
    private async Task<SetStatus> AfterTheSweepTheDayAfterAsync()
    {
        _collector.Time.Advance(TimeSpan.FromHours(27));
        await _collector.Sweep.SweepAsync(default);
        var estoque = await _branch.SetAsync("sql-estoque");
        Assert.True(estoque.Status == SetStatus.Missed, string.Join(" | ", estoque.Reasons.Select(r => r.En)));
        return estoque.Status;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_run_claiming_to_finish_tomorrow_cannot_stop_the_next_honest_one_from_setting_the_status(bool sendsItsClock)
    {
        await _branch.ImportSampleAsync();
        var tomorrow = Branch.Run(Now.AddDays(1));

        var status = await _branch.SendAsync(tomorrow, sendsItsClock ? Now : null);
        _collector.Time.Advance(TimeSpan.FromHours(1));
        await _branch.SendAsync(HonestWithoutVendas(), Now);

        Assert.Equal(202, status);
        Assert.Equal(SetStatus.Failed, await _branch.StatusAsync());
        Assert.Equal(SetStatus.Missed, await AfterTheSweepTheDayAfterAsync());
    }

    [Fact]
    public async Task A_run_in_year_9999_cannot_stop_the_next_honest_one_from_setting_the_status()
    {
        await _branch.ImportSampleAsync();
        var far = Branch.Run(Now) with { StartedUtc = new DateTime(9999, 12, 31, 23, 0, 0, DateTimeKind.Utc), FinishedUtc = new DateTime(9999, 12, 31, 23, 59, 0, DateTimeKind.Utc) };

        var status = await _branch.SendAsync(far, Now);
        _collector.Time.Advance(TimeSpan.FromHours(1));
        await _branch.SendAsync(HonestWithoutVendas(), Now);

        Assert.Contains(status, new[] { 202, 400 });
        Assert.Equal(SetStatus.Failed, await _branch.StatusAsync());
        Assert.Equal(SetStatus.Missed, await AfterTheSweepTheDayAfterAsync());
    }

    [Fact]
    public async Task A_whole_clock_a_day_fast_is_judged_on_the_collector_clock_and_a_fix_changes_nothing_but_the_warning()
    {
        await _branch.ImportSampleAsync();
        var fast = Skewed(Branch.Run(Now.AddSeconds(-5)), TimeSpan.FromDays(1));

        await _branch.SendAsync(fast, fast.FinishedUtc.AddSeconds(5));
        var whileFast = await _branch.SetAsync("sql-vendas");
        _collector.Time.Advance(TimeSpan.FromHours(1));

        // Clock fixed: the same files (written while it was fast, so dated tomorrow), the run on the right time.
        await _branch.SendAsync(fast with { RunId = Guid.CreateVersion7(), StartedUtc = Now.AddMinutes(-1), FinishedUtc = Now.AddSeconds(-5) }, Now);
        var fixedClock = await _branch.SetAsync("sql-vendas");
        _collector.Time.Advance(TimeSpan.FromHours(1));
        var gone = fast.Sets[0] with { Exists = false, Readable = false, Files = [], FileCount = 0, TotalBytes = 0, Error = new ProblemReport { Code = ProblemCode.NotFound } };
        await _branch.SendAsync(fast with { RunId = Guid.CreateVersion7(), StartedUtc = Now.AddMinutes(-1), FinishedUtc = Now.AddSeconds(-5), Sets = [gone, fast.Sets[1]] }, Now);

        Assert.Equal(SetStatus.Warning, whileFast.Status);
        Assert.Contains(whileFast.Reasons, r => r.RuleId == "clock-skew" && r.Pt.Contains("adiantado 24 horas", StringComparison.Ordinal));
        Assert.True(fixedClock.Status == SetStatus.Ok, string.Join(" | ", fixedClock.Reasons.Select(r => r.En)));
        Assert.Equal(SetStatus.Failed, await _branch.StatusAsync());
        Assert.Equal(SetStatus.Missed, await AfterTheSweepTheDayAfterAsync());
    }

    [Fact]
    public async Task Backups_of_a_clock_a_day_fast_are_found_missed_by_the_sweep_on_time()
    {
        await _branch.ImportSampleAsync();
        var fast = TimeSpan.FromDays(1);

        await _branch.SendAsync(Skewed(Branch.Run(Now.AddSeconds(-5)), fast), Now + fast);

        // The backups' own times say tomorrow; on the collector's clock they are tonight's, so tomorrow night's is due as usual.
        Assert.Equal(SetStatus.Missed, await AfterTheSweepTheDayAfterAsync());
    }

    [Fact]
    public async Task A_clock_two_hours_ahead_is_said_to_be_two_hours_ahead()
    {
        await _branch.ImportSampleAsync();
        var ahead = TimeSpan.FromHours(2);

        // Sent a moment before it was received, as every request is.
        await _branch.SendAsync(Skewed(Branch.Run(Now.AddSeconds(-5)), ahead), Now + ahead - TimeSpan.FromMilliseconds(300));

        var skew = Assert.Single((await _branch.SetAsync("sql-vendas")).Reasons, r => r.RuleId == "clock-skew");
        Assert.Contains("adiantado 2 horas", skew.Pt, StringComparison.Ordinal);
        Assert.Contains("2 hours ahead", skew.En, StringComparison.Ordinal);
    }
}
