using System.Security.Cryptography;
using MonitoramentoBKP.Contracts.Signing;
using MonitoramentoBKP.Probe.Configuration;
using MonitoramentoBKP.Probe.Tests.Support;

namespace MonitoramentoBKP.Probe.Tests.Update;

/// <summary>probe.json's update keys: updateChannel, releaseKeys and updates, with their defaults and a refusal naming the JSON path.</summary>
public sealed class UpdateConfigTests : IDisposable
{
    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private ProbeConfig Load(string members)
    {
        _tree.File("probe.json", $$"""{ "branchId": "F042"{{members}} }""");
        return ConfigLoader.Load(new ConfigOverrides(), _ => null, _tree.Root, setsRequired: false);
    }

    [Fact]
    public void Without_the_keys_the_probe_follows_stable_with_its_built_in_keys_and_updates_on()
    {
        var config = Load("");
        Assert.Equal(("stable", null, true), (config.UpdateChannel, config.ReleaseKeys, config.Updates));
    }

    [Fact]
    public void The_keys_are_read_as_given()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spki = PublicKeyInfo.Export(key);

        var config = Load($$""", "updateChannel": "pilot", "releaseKeys": [ "{{spki}}" ], "updates": false""");

        Assert.Equal("pilot", config.UpdateChannel);
        Assert.Equal([spki], config.ReleaseKeys);
        Assert.False(config.Updates);
    }

    [Theory]
    [InlineData(""", "releaseKeys": [ "bm90IGEga2V5" ]""", "releaseKeys[0]")]
    [InlineData(""", "releaseKeys": "one" """, "releaseKeys")]
    [InlineData(""", "updateChannel": "no spaces" """, "updateChannel")]
    [InlineData(""", "updates": "yes" """, "updates")]
    public void A_bad_value_is_refused_at_its_path(string members, string field)
    {
        var refused = Assert.Throws<ConfigException>(() => Load(members));
        Assert.Equal(field, refused.Field);
    }
}
