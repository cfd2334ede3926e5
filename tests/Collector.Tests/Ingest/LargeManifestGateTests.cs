using MonitoramentoBKP.Collector.Ingest;

namespace MonitoramentoBKP.Collector.Tests.Ingest;

public sealed class LargeManifestGateTests
{
    private static readonly IngestLimits Small = new()
    {
        LargeManifestBytes = 100,
        MaxManifestBytes = 400,
        MaxLargeBytesAtOnce = 500,
        LargeWait = TimeSpan.FromMilliseconds(100),
    };

    [Fact]
    public async Task A_manifest_no_larger_than_one_step_takes_nothing()
    {
        var gate = new LargeManifestGate(Small);
        using var place = gate.Open();

        await place.CoverAsync(100, default);

        Assert.Equal((0, 0), (place.Steps, gate.Held));
    }

    [Fact]
    public async Task A_large_manifest_takes_a_step_for_every_step_of_bytes_read_so_far_counting_the_first()
    {
        var gate = new LargeManifestGate(Small);
        using var place = gate.Open();

        await place.CoverAsync(101, default);
        var atFirst = place.Steps;
        await place.CoverAsync(150, default);
        await place.CoverAsync(301, default);

        Assert.Equal((2, 4, 4), (atFirst, place.Steps, gate.Held));
    }

    [Fact]
    public async Task A_body_large_before_decompression_holds_one_step_at_once()
    {
        var gate = new LargeManifestGate(Small);
        using var place = gate.Open();

        await place.HoldAsync(default);
        await place.HoldAsync(default);

        Assert.Equal(1, place.Steps);
    }

    [Fact]
    public async Task Past_the_budget_a_manifest_that_holds_steps_and_is_not_the_oldest_is_busy_at_once_and_gives_back_what_it_held()
    {
        var gate = new LargeManifestGate(Small);
        using var first = gate.Open();
        await first.CoverAsync(300, default);
        var second = gate.Open();
        await second.CoverAsync(101, default);

        var started = DateTime.UtcNow;
        var busy = await Assert.ThrowsAsync<CollectorBusyException>(() => second.CoverAsync(201, default));
        var waited = DateTime.UtcNow - started;
        second.Dispose();

        Assert.Contains("MiB at once); try again in 5 s.", busy.Message, StringComparison.Ordinal);
        Assert.True(waited < TimeSpan.FromMilliseconds(90), $"waited {waited.TotalMilliseconds} ms");
        Assert.Equal(3, gate.Held);
    }

    [Fact]
    public async Task Two_manifests_that_each_need_what_the_other_holds_do_not_stall_one_goes_on()
    {
        var gate = new LargeManifestGate(Small);
        var a = gate.Open();
        var b = gate.Open();
        await a.CoverAsync(150, default);
        await b.CoverAsync(150, default);

        async Task<bool> Grow(LargeManifestGate.Place place)
        {
            try
            {
                await place.CoverAsync(400, default);
                return true;
            }
            catch (CollectorBusyException)
            {
                place.Dispose();
                return false;
            }
        }

        var results = await Task.WhenAll(Grow(a), Grow(b));
        a.Dispose();
        b.Dispose();

        // The older one waits and gets through; the younger gives its steps back at once.
        Assert.Equal([true, false], results);
        Assert.Equal(0, gate.Held);
    }

    [Fact]
    public async Task A_manifest_holding_no_step_waits_for_one_and_its_wait_is_counted_over_all_its_steps()
    {
        // A longer allowance than the other tests', so a busy machine's scheduling can neither end the first wait
        // (1 s of 4) nor blur a fresh allowance (4 s) with what is left of this one (3 s at most).
        var gate = new LargeManifestGate(Small with { LargeWait = TimeSpan.FromSeconds(4) });
        var holder = gate.Open();
        await holder.CoverAsync(500, default);
        using var place = gate.Open();

        var waiting = place.CoverAsync(101, default);
        await Task.Delay(1000);
        holder.Dispose();
        await waiting;
        using var younger = gate.Open();
        await younger.CoverAsync(101, default);
        var after = DateTime.UtcNow;

        // The oldest holder now, it may wait again, but only for what is left of its allowance (4 s less the 1 or so spent).
        await Assert.ThrowsAsync<CollectorBusyException>(() => place.CoverAsync(500, default));
        Assert.True(DateTime.UtcNow - after < TimeSpan.FromMilliseconds(3800), "a later step got a fresh allowance");
        Assert.Equal(3, place.Steps);
    }

    [Fact]
    public async Task A_manifest_holding_no_step_waits_no_longer_than_the_allowance()
    {
        var gate = new LargeManifestGate(Small);
        using var holder = gate.Open();
        await holder.CoverAsync(500, default);
        using var place = gate.Open();
        var started = DateTime.UtcNow;

        await Assert.ThrowsAsync<CollectorBusyException>(() => place.CoverAsync(101, default));

        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(90), TimeSpan.FromSeconds(5));
        Assert.Equal(0, place.Steps);
    }

    [Fact]
    public async Task Drained_is_raised_when_the_last_step_comes_back()
    {
        var gate = new LargeManifestGate(Small);
        var drained = 0;
        gate.Drained += () => drained++;
        var a = gate.Open();
        var b = gate.Open();
        await a.CoverAsync(150, default);
        await b.CoverAsync(150, default);

        a.Dispose();
        var afterFirst = drained;
        b.Dispose();
        b.Dispose();

        Assert.Equal((0, 1), (afterFirst, drained));
    }

    [Fact]
    public void The_default_budget_holds_a_manifest_at_the_cap_and_a_budget_that_cannot_is_refused()
    {
        var defaults = new IngestLimits();
        var gate = new LargeManifestGate(defaults);

        Assert.True(gate.Steps * defaults.LargeManifestBytes >= defaults.MaxManifestBytes);
        Assert.Throws<ArgumentException>(() => new LargeManifestGate(defaults with { MaxLargeBytesAtOnce = defaults.MaxManifestBytes - 1 }));
    }
}
