using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.Silencing;

namespace MonitoramentoBKP.Collector.Tests.Registry;

public sealed class SilenceLoaderTests
{
    private static RegistryLoadResult Load(string silence) => RegistryLoader.Load($$"""
        {
          "templates": { "loja": { "sets": [ { "id": "sql", "root": "C:\\b", "schedule": "0 22 * * *" }, { "id": "arq", "root": "D:\\b", "schedule": "0 20 * * *" } ] } },
          "branches": [ { "id": "F001", "template": "loja", "silence": {{silence}} } ]
        }
        """);

    [Fact]
    public void A_branch_silence_is_read_with_its_offsets_as_utc()
    {
        var branch = Load("""{ "from": "2026-12-05T08:00:00-03:00", "until": "2026-12-05T18:00:00-03:00", "reason": " inventário ", "sets": ["SQL"] }""").Registry!.Find("F001")!;

        Assert.True(new BranchSilence
        {
            FromUtc = new DateTime(2026, 12, 5, 11, 0, 0, DateTimeKind.Utc),
            UntilUtc = new DateTime(2026, 12, 5, 21, 0, 0, DateTimeKind.Utc),
            Reason = "inventário",
            Sets = ["sql"],
            Source = BranchSilence.FromRegistry,
        }.SameAs(branch.Silence!));
        Assert.True(branch.Silence!.Covers("sql", new DateTime(2026, 12, 5, 20, 59, 0, DateTimeKind.Utc)));
        Assert.False(branch.Silence.Covers("sql", new DateTime(2026, 12, 5, 21, 0, 0, DateTimeKind.Utc)));
        Assert.False(branch.Silence.Covers("arq", new DateTime(2026, 12, 5, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("""{ "reason": "x" }""", "branches[0].silence.until")]
    [InlineData("""{ "until": "2026-12-05T18:00:00", "reason": "x" }""", "branches[0].silence.until")]
    [InlineData("""{ "until": "amanhã", "reason": "x" }""", "branches[0].silence.until")]
    [InlineData("""{ "until": "2026-12-05T18:00:00Z" }""", "branches[0].silence.reason")]
    [InlineData("""{ "until": "2026-12-05T18:00:00Z", "reason": "" }""", "branches[0].silence.reason")]
    [InlineData("""{ "from": "2026-12-06T08:00:00Z", "until": "2026-12-05T18:00:00Z", "reason": "x" }""", "branches[0].silence.until")]
    [InlineData("""{ "from": "2026-01-01T08:00:00Z", "until": "2026-12-05T18:00:00Z", "reason": "x" }""", "branches[0].silence.until")]
    [InlineData("""{ "until": "2026-12-05T18:00:00Z", "reason": "x", "sets": ["vendas"] }""", "branches[0].silence.sets[0]")]
    [InlineData("""{ "until": "2026-12-05T18:00:00Z", "reason": "x", "ate": 1 }""", "branches[0].silence.ate")]
    [InlineData("""[ "2026-12-05T18:00:00Z" ]""", "branches[0].silence")]
    public void A_bad_silence_is_refused_naming_where(string silence, string path)
    {
        var result = Load(silence);

        Assert.Null(result.Registry);
        Assert.Contains(result.Problems, p => p.Path == path);
    }
}
