using MonitoramentoBKP.Collector.Releases;

namespace MonitoramentoBKP.Collector.Tests.Releases;

public sealed class RolloutOrderTests
{
    private static readonly string[] Branches = [.. Enumerable.Range(1, 1000).Select(i => $"F{i:D4}")];

    private static HashSet<string> At(int percent, string version = "1.4.0") =>
        [.. Branches.Where(b => RolloutOrder.Includes(b, version, percent))];

    [Fact]
    public void A_thousand_branches_at_20_percent_give_200_plus_or_minus_30()
    {
        var count = At(20).Count;

        Assert.InRange(count, 170, 230);
    }

    [Fact]
    public void Raising_20_to_50_percent_keeps_every_branch_that_had_it()
    {
        var twenty = At(20);
        var fifty = At(50);

        Assert.Subset(fifty, twenty);
        Assert.InRange(fifty.Count, 450, 550);
        Assert.All(Enumerable.Range(0, 100), p => Assert.Subset(At(p + 1), At(p)));
    }

    [Fact]
    public void Zero_percent_reaches_nobody_and_100_percent_everybody()
    {
        Assert.Empty(At(0));
        Assert.Equal(Branches.Length, At(100).Count);
    }

    [Fact]
    public void The_order_is_the_same_every_time_and_ignores_the_branch_ids_letter_case()
    {
        Assert.Equal(At(20), At(20));
        Assert.All(Branches, b => Assert.Equal(RolloutOrder.Place(b, "1.4.0"), RolloutOrder.Place(b.ToLowerInvariant(), "1.4.0")));
    }

    [Fact]
    public void Each_release_has_its_own_order_so_the_same_branches_are_not_always_first()
    {
        var both = At(20, "1.4.0").Intersect(At(20, "1.5.0")).Count();

        // Independent orders share about 20% of 20% (40 branches); the same order would share all 200.
        Assert.InRange(both, 15, 75);
    }

    [Fact]
    public void The_place_is_the_first_8_bytes_of_the_SHA256_of_version_newline_branch_in_lower_case()
    {
        var hash = System.Security.Cryptography.SHA256.HashData("1.4.0\nf0042"u8);

        Assert.Equal(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash), RolloutOrder.Place("F0042", "1.4.0"));
    }
}
