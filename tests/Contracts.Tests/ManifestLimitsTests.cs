using System.Text.Json.Nodes;

namespace MonitoramentoBKP.Contracts.Tests;

public sealed class ManifestLimitsTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(ManifestSchema.Text)!;

    private static JsonNode Def(string name) => Schema["$defs"]![name]!;

    [Fact]
    public void The_schema_holds_the_same_limits_as_the_code()
    {
        var set = Def("set")["properties"]!;

        Assert.Equal(ManifestLimits.MaxIdLength, (int)Def("id")["maxLength"]!);
        Assert.Equal(ManifestLimits.MaxProbeVersionLength, (int)Schema["properties"]!["probeVersion"]!["maxLength"]!);
        Assert.Equal(ManifestLimits.MaxHostNameLength, (int)Schema["properties"]!["hostName"]!["maxLength"]!);
        Assert.Equal(ManifestLimits.MaxOsLength, (int)Schema["properties"]!["os"]!["maxLength"]!);
        Assert.Equal(ManifestLimits.MaxProbeVersionLength, (int)Schema["properties"]!["update"]!["properties"]!["version"]!["maxLength"]!);
        Assert.Equal(ManifestLimits.MaxProbeVersionLength, (int)Schema["properties"]!["update"]!["properties"]!["previousVersion"]!["maxLength"]!);
        Assert.Equal(ManifestLimits.MaxSets, (int)Schema["properties"]!["sets"]!["maxItems"]!);
        Assert.Equal(ManifestLimits.MaxRootPathLength, (int)set["rootPath"]!["maxLength"]!);
        Assert.Equal(ManifestLimits.MaxFilesPerSet, (int)set["files"]!["maxItems"]!);
        Assert.Equal(ManifestLimits.MaxFilesPerSet, (int)set["fileCount"]!["maximum"]!);
        Assert.Equal(ManifestLimits.MaxSkippedPerSet, (int)set["skipped"]!["maxItems"]!);
        Assert.Equal(ManifestLimits.MaxRelativePathLength, (int)Def("relativePath")["maxLength"]!);
        Assert.Equal(ManifestLimits.MaxDetailLength, (int)Def("detail")["maxLength"]!);
        Assert.Equal(long.MaxValue, (long)Def("bytes")["maximum"]!);
    }

    [Fact]
    public void No_schema_pattern_ends_in_a_dollar_which_some_evaluators_let_a_final_newline_past()
    {
        var patterns = Patterns(Schema).ToList();

        Assert.NotEmpty(patterns);
        Assert.All(patterns.Where(p => p.StartsWith('^')), p => Assert.EndsWith(@"(?![\s\S])", p, StringComparison.Ordinal));
        Assert.DoesNotContain(patterns, p => p.EndsWith('$'));
    }

    [Fact]
    public void The_plausible_range_runs_from_2000_up_to_2100()
    {
        Assert.True(ManifestLimits.IsPlausible(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.True(ManifestLimits.IsPlausible(new DateTime(2099, 12, 31, 23, 59, 59, DateTimeKind.Utc)));
        Assert.False(ManifestLimits.IsPlausible(new DateTime(1999, 12, 31, 23, 59, 59, DateTimeKind.Utc)));
        Assert.False(ManifestLimits.IsPlausible(new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    private static IEnumerable<string> Patterns(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "pattern" && p.Value is JsonValue v ? [v.GetValue<string>()] : Patterns(p.Value)),
        JsonArray a => a.SelectMany(Patterns),
        _ => [],
    };
}
