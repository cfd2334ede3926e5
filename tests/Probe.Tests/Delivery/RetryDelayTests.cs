using MonitoramentoBKP.Probe.Delivery;

namespace MonitoramentoBKP.Probe.Tests.Delivery;

public sealed class RetryDelayTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Plenty = TimeSpan.FromMinutes(10);

    [Fact]
    public void Waits_double_and_jitter_stays_within_a_quarter_so_each_wait_is_longer_than_the_last()
    {
        var lowest = Enumerable.Range(1, 5).Select(n => RetryDelay.Next(n, null, Base, Plenty, 0.0)!.Value.TotalSeconds).ToList();
        var highest = Enumerable.Range(1, 5).Select(n => RetryDelay.Next(n, null, Base, Plenty, 1.0)!.Value.TotalSeconds).ToList();

        Assert.Equal([1.5, 3, 6, 12, 24], lowest);
        Assert.Equal([2.5, 5, 10, 20, 40], highest);
        Assert.All(Enumerable.Range(1, 4), i => Assert.True(highest[i - 1] < lowest[i]));
    }

    [Fact]
    public void Retry_After_replaces_the_backoff_but_not_beyond_what_is_left_of_the_budget()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), RetryDelay.Next(3, TimeSpan.FromSeconds(1), Base, Plenty, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(9), RetryDelay.Next(1, TimeSpan.FromHours(1), Base, TimeSpan.FromSeconds(9), 0.5));
        Assert.Equal(TimeSpan.FromSeconds(3), RetryDelay.Next(4, null, Base, TimeSpan.FromSeconds(3), 0.5));
        Assert.Equal(TimeSpan.Zero, RetryDelay.Next(1, TimeSpan.FromSeconds(-5), Base, Plenty, 0.5));
    }

    [Fact]
    public void No_wait_is_offered_once_the_budget_is_spent()
    {
        Assert.Null(RetryDelay.Next(2, null, Base, TimeSpan.Zero, 0.5));
    }
}
