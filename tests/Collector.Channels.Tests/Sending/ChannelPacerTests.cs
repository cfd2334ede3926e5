using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Collector.Channels.Sending;

namespace MonitoramentoBKP.Collector.Channels.Tests.Sending;

public sealed class ChannelPacerTests
{
    private static readonly RateLimit PerSecond = new(1, TimeSpan.FromSeconds(1), "per chat");
    private static readonly RateLimit PerMinute = new(20, TimeSpan.FromMinutes(1), "per group");

    [Fact]
    public async Task One_per_second_lets_the_first_go_and_holds_the_second_for_the_rest_of_the_second()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new ChannelPacer([PerSecond], time);

        await pacer.AcquireAsync(default);
        time.Advance(TimeSpan.FromMilliseconds(300));

        Assert.Equal(TimeSpan.FromMilliseconds(700), pacer.Wait());
        var second = pacer.AcquireAsync(default);
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(699));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second;
    }

    [Fact]
    public async Task Twenty_a_minute_holds_the_twenty_first_until_the_first_leaves_the_window()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new ChannelPacer([PerSecond, PerMinute], time);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(TimeSpan.Zero, pacer.Wait());
            await pacer.AcquireAsync(default);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        // Twenty sent at 0..19 s; the first leaves the minute's window at 60 s.
        Assert.Equal(TimeSpan.FromSeconds(40), pacer.Wait());
        time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(TimeSpan.Zero, pacer.Wait());
    }

    [Fact]
    public void A_retry_after_holds_every_send_until_it_has_passed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new ChannelPacer([], time);

        pacer.Hold(TimeSpan.FromSeconds(7));
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(5), pacer.Wait());
        pacer.Hold(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(5), pacer.Wait());
    }

    [Fact]
    public async Task Concurrent_senders_go_one_at_a_time_each_a_second_apart()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new ChannelPacer([PerSecond], time);
        var gone = new List<DateTimeOffset>();
        var senders = Enumerable.Range(0, 3).Select(async _ =>
        {
            await pacer.AcquireAsync(default);
            lock (gone)
            {
                gone.Add(time.GetUtcNow());
            }
        }).ToList();

        for (var i = 0; i < 30 && gone.Count < 3; i++)
        {
            await Task.Delay(10);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        await Task.WhenAll(senders);
        var sorted = gone.Order().ToList();
        Assert.True(sorted[1] - sorted[0] >= TimeSpan.FromSeconds(1) && sorted[2] - sorted[1] >= TimeSpan.FromSeconds(1), string.Join(", ", sorted));
    }

    [Fact]
    public void A_limit_of_no_messages_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimit(0, TimeSpan.FromSeconds(1), "per chat"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateLimit(1, TimeSpan.Zero, "per chat"));
    }
}
