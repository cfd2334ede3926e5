using MonitoramentoBKP.Probe.Engine;

namespace MonitoramentoBKP.Probe.Tests.Engine;

public sealed class ReverifyPlannerTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Period = TimeSpan.FromDays(30);

    [Fact]
    public void The_longest_unverified_files_go_first_within_the_budget()
    {
        var known = new List<(long, long)>
        {
            (100, Now.AddDays(-1).Ticks),
            (100, Now.AddDays(-20).Ticks),
            (100, Now.AddDays(-10).Ticks),
            (100, Now.AddDays(-15).Ticks),
        };

        var chosen = ReverifyPlanner.Select(known, budget: 250, Now, Period);

        Assert.Equal([1, 3], chosen);
    }

    [Fact]
    public void A_file_past_the_period_is_taken_whatever_the_budget()
    {
        var known = new List<(long, long)> { (10_000, Now.AddDays(-31).Ticks), (10, Now.AddDays(-2).Ticks) };

        Assert.Equal([0], ReverifyPlanner.Select(known, budget: 0, Now, Period));
    }

    [Fact]
    public void The_default_budget_rereads_everything_within_the_period_at_one_run_a_day()
    {
        const long total = 3_000_000_000;
        var daily = ReverifyPlanner.DefaultBudget(total, Now.AddDays(-1), Now, Period);

        Assert.InRange(daily * 30, total, total * 2);
        Assert.Equal(ReverifyPlanner.DefaultBudget(total, Now.AddHours(-1), Now, Period), ReverifyPlanner.DefaultBudget(total, Now.AddMinutes(-1), Now, Period));
    }

    [Fact]
    public void Simulated_daily_runs_reread_every_file_within_thirty_days()
    {
        var sizes = Enumerable.Range(0, 200).Select(i => (long)(1 + (i * 7919 % 1000))).ToArray();
        var verified = Enumerable.Repeat(Now.Ticks, sizes.Length).ToArray();
        var lastRead = new DateTime[sizes.Length];
        Array.Fill(lastRead, Now);
        var worstGap = TimeSpan.Zero;
        for (var day = 1; day <= 120; day++)
        {
            var today = Now.AddDays(day);
            var budget = ReverifyPlanner.DefaultBudget(sizes.Sum(), today.AddDays(-1), today, Period);
            foreach (var i in ReverifyPlanner.Select(sizes.Select((s, i) => (s, verified[i])).ToList(), budget, today, Period))
            {
                worstGap = TimeSpan.FromTicks(Math.Max(worstGap.Ticks, (today - lastRead[i]).Ticks));
                verified[i] = today.Ticks;
                lastRead[i] = today;
            }
        }

        Assert.True(worstGap <= Period, $"a file waited {worstGap.TotalDays} days");
        Assert.All(lastRead, t => Assert.True(Now.AddDays(120) - t <= Period));
    }
}
