using System.Text.Json;
using Json.Schema;
using MonitoramentoBKP.Collector.Registry;

namespace MonitoramentoBKP.Collector.Tests.Registry;

public sealed class RegistryLoaderTests
{
    /// <summary>Built once: the schema registers its $id globally, and a second build of it is refused.</summary>
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "registry", "registry.schema.json"))));

    private static string Sample => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "registry", "branches.json"));

    private const string Minimal = """
        {
          "calendars": { "domingo": { "closedWeekdays": ["sunday"], "closedDates": ["2026-12-25"] } },
          "templates": {
            "loja": {
              "calendar": "domingo",
              "sets": [ { "id": "sql", "root": "C:\\backup_sql", "schedule": ["0 10 * * *", "0 22 * * *"], "minSize": "50MB", "generations": 7 } ]
            }
          },
          "branches": [
            { "id": "F001", "name": "Loja Centro", "template": "loja" },
            { "id": "F002", "template": "loja", "timeZone": "America/Manaus", "sets": { "sql": { "minSize": 1000, "grace": "30m" } } }
          ]
        }
        """;

    [Fact]
    public void The_sample_registry_loads_and_validates_against_its_schema()
    {
        var result = RegistryLoader.Load(Sample);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        var registry = result.Registry!;
        Assert.True(registry.Branches.Count >= 20);
        Assert.Contains(registry.Branches, b => b.Paused);
        Assert.Contains(registry.Branches, b => b.Retired);
        Assert.Contains(registry.Branches, b => b.Sets.Any(s => s.Calendar.ClosedWeekdays.Contains(DayOfWeek.Sunday)));
        Assert.Contains(registry.Branches, b => b.Sets.Any(s => s.Calendar.ClosedDates.Contains(new DateOnly(2026, 12, 25))));
        Assert.True(registry.Templates.Count >= 3);

        var schema = Schema.Value;
        using var document = JsonDocument.Parse(Sample);
        Assert.True(schema.Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void A_branch_gets_its_templates_sets_with_its_own_overrides()
    {
        var registry = RegistryLoader.Load(Minimal).Registry!;

        var centro = registry.Find("f001")!;
        var manaus = registry.Find("F002")!;
        Assert.Equal("Loja Centro", centro.Name);
        Assert.Equal("F002", manaus.Name);
        var a = Assert.Single(centro.Sets);
        var b = Assert.Single(manaus.Sets);
        Assert.Equal(50_000_000, a.MinSizeBytes);
        Assert.Equal(1000, b.MinSizeBytes);
        Assert.Equal(TimeSpan.FromHours(2), a.Grace);
        Assert.Equal(TimeSpan.FromMinutes(30), b.Grace);
        Assert.Equal("America/Sao_Paulo", a.TimeZone.Id);
        Assert.Equal("America/Manaus", b.TimeZone.Id);
        Assert.Equal(7, b.Generations);
        Assert.Equal(["0 10 * * *", "0 22 * * *"], b.ScheduleText);
        Assert.False(b.Calendar.IsOpen(new DateOnly(2026, 11, 29)));
        Assert.False(b.Calendar.IsOpen(new DateOnly(2026, 12, 25)));
        Assert.True(b.Calendar.IsOpen(new DateOnly(2026, 11, 30)));
    }

    [Fact]
    public void A_bad_registry_is_refused_as_a_whole_with_every_problem_by_path()
    {
        const string bad = """
            {
              "templates": {
                "loja": {
                  "calendar": "nenhum",
                  "sets": [ { "id": "sql", "root": "C:\\b", "schedule": ["0 25 * * *"], "minSize": "-5MB", "timeZone": "America/Atlantida", "generations": 0 } ]
                }
              },
              "branches": [
                { "id": "F001", "template": "loja" },
                { "id": "F002", "template": "quiosque" },
                { "id": "F001", "template": "loja" },
                { "id": "F003", "template": "loja", "sets": { "fotos": {} , "sql": { "grace": "soon", "minFreeSpace": -1 } }, "pausd": true }
              ]
            }
            """;

        var result = RegistryLoader.Load(bad);

        Assert.False(result.Succeeded);
        Assert.Null(result.Registry);
        var paths = result.Problems.Select(p => p.Path).ToList();
        Assert.Contains("templates.loja.calendar", paths);
        Assert.Contains("templates.loja.sets[0].schedule[0]", paths);
        Assert.Contains("templates.loja.sets[0].minSize", paths);
        Assert.Contains("templates.loja.sets[0].timeZone", paths);
        Assert.Contains("templates.loja.sets[0].generations", paths);
        Assert.Contains("branches[1].template", paths);
        Assert.Contains("branches[2].id", paths);
        Assert.Contains("branches[3].sets.fotos", paths);
        Assert.Contains("branches[3].sets.sql.grace", paths);
        Assert.Contains("branches[3].sets.sql.minFreeSpace", paths);
        Assert.Contains("branches[3].pausd", paths);
        Assert.Equal(paths.Count, paths.Distinct().Count());
        Assert.Contains(result.Problems, p => p.Message.Contains("quiosque", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Message.Contains("America/Atlantida", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[]")]
    [InlineData("{}")]
    public void Something_that_is_not_a_registry_is_refused(string text)
    {
        var result = RegistryLoader.Load(text);

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Problems);
    }

    [Fact]
    public void A_set_that_says_nothing_but_its_root_and_schedule_gets_every_default()
    {
        var registry = RegistryLoader.Load("""
            { "templates": { "t": { "sets": [ { "id": "sql", "root": "C:\\b", "schedule": "0 22 * * *" } ] } },
              "branches": [ { "id": "F001", "template": "t" } ] }
            """).Registry!;

        var branch = Assert.Single(registry.Branches);
        var set = Assert.Single(branch.Sets);
        Assert.Equal("F001", branch.Name);
        Assert.Equal("t", branch.Template);
        Assert.False(branch.Paused);
        Assert.False(branch.Retired);
        Assert.Empty(set.Include);
        Assert.Equal("America/Sao_Paulo", set.TimeZone.Id);
        Assert.Equal(TimeSpan.FromHours(2), set.Grace);
        Assert.Equal(0, set.MinSizeBytes);
        Assert.Equal(30, set.MaxShrinkPercent);
        Assert.Equal(1, set.Generations);
        Assert.Equal(0, set.MinFreeBytes);
        Assert.True(set.ArchivesMustPass);
        Assert.Empty(set.Calendar.ClosedWeekdays);
        Assert.Empty(set.Calendar.ClosedDates);
        Assert.Empty(set.Calendar.OpenDates);
        Assert.Equal(["0 22 * * *"], set.ScheduleText);
    }

    /// <summary>A registry with one calendar, one template set and one branch, each taking extra members from a test case.</summary>
    private static string With(string calendar = "", string set = "", string branch = "", string setBase = "\"root\": \"C:/b\", \"schedule\": \"0 22 * * *\", ", string setId = "sql") => $$"""
        { "calendars": { "loja": { {{calendar}} } },
          "templates": { "loja": { "calendar": "loja", "sets": [ { {{setBase}}"id": "{{setId}}"{{set}} } ] } },
          "branches": [ { "template": "loja"{{branch}} } ] }
        """;

    public static TheoryData<string, string, string> BadValues => new()
    {
        { With(set: ", \"grace\": \"99999999d\""), "templates.loja.sets[0].grace", "'99999999d' is too long (at most 3650 days)" },
        { With(set: ", \"grace\": \"99999999999999999999999999h\""), "templates.loja.sets[0].grace", "is too long (at most 3650 days)" },
        { With(set: ", \"grace\": \"3651d\""), "templates.loja.sets[0].grace", "is too long" },
        { With(set: ", \"grace\": 120"), "templates.loja.sets[0].grace", "'120' is not a duration" },
        { With(set: ", \"grace\": \"\""), "templates.loja.sets[0].grace", "is not a duration" },
        { With(calendar: "\"closedWeekdays\": [\"monday, tuesday\"]"), "calendars.loja.closedWeekdays[0]", "'monday, tuesday' is not a weekday (monday, tuesday, wednesday, thursday, friday, saturday, sunday)" },
        { With(calendar: "\"closedWeekdays\": [\"5\"]"), "calendars.loja.closedWeekdays[0]", "'5' is not a weekday" },
        { With(calendar: "\"closedWeekdays\": [0]"), "calendars.loja.closedWeekdays[0]", "must be a string" },
        { With(calendar: "\"closedWeekdays\": \"sunday\""), "calendars.loja.closedWeekdays", "must be a list" },
        { With(calendar: "\"closedDates\": [\"2026-13-01\"]"), "calendars.loja.closedDates[0]", "'2026-13-01' is not a date (yyyy-MM-dd)" },
        { With(calendar: "\"openDates\": [\"2026-12-20\\n\"]"), "calendars.loja.openDates[0]", "'2026-12-20\\n' is not a date" },
        { With(setBase: "\"schedule\": \"0 22 * * *\", "), "templates.loja.sets[0].root", "is required" },
        { With(setBase: "\"root\": \"C:/b\", "), "templates.loja.sets[0].schedule", "is required" },
        { With(setBase: "\"root\": \"  \", \"schedule\": \"0 22 * * *\", "), "templates.loja.sets[0].root", "must not be empty" },
        { With(set: ", \"minSize\": \"99999999999TB\""), "templates.loja.sets[0].minSize", "'99999999999TB' is not a size" },
        { With(set: ", \"minSize\": 1.5"), "templates.loja.sets[0].minSize", "'1.5' is not a size" },
        { With(set: ", \"minFreeSpace\": 99999999999999999999"), "templates.loja.sets[0].minFreeSpace", "is not a size" },
        { With(set: ", \"generations\": \"7\""), "templates.loja.sets[0].generations", "'7' must be a whole number from 1 to 1000" },
        { With(set: ", \"maxShrinkPercent\": 1e300"), "templates.loja.sets[0].maxShrinkPercent", "must be a whole number from 0 to 100" },
        { With(set: ", \"archivesMustPass\": \"true\""), "templates.loja.sets[0].archivesMustPass", "must be true or false" },
        { With(set: ", \"include\": [\"\"]"), "templates.loja.sets[0].include[0]", "must not be empty" },
        { With(set: ", \"schedule\": [7]", setBase: "\"root\": \"C:/b\", "), "templates.loja.sets[0].schedule[0]", "must be a string" },
        { With(set: ", \"timeZone\": 3"), "templates.loja.sets[0].timeZone", "must be a string" },
        { With(setId: "sql\\n"), "templates.loja.sets[0].id", "'sql\\n' is not a valid id" },
        { With(branch: ", \"id\": \"F001\\n\""), "branches[0].id", "'F001\\n' is not a valid id" },
        { With(branch: ""), "branches[0].id", "is required" },
        { With(branch: ", \"id\": \"F001\", \"paused\": \"yes\""), "branches[0].paused", "must be true or false" },
        { With(branch: ", \"id\": \"F001\", \"name\": \"\""), "branches[0].name", "must not be empty" },
        { With(branch: ", \"id\": \"F001\", \"sets\": { \"sql\": { \"grace\": \"99999999d\" } }"), "branches[0].sets.sql.grace", "is too long" },
        { With(branch: ", \"id\": \"F001\", \"sets\": { \"sql\": [] }"), "branches[0].sets.sql", "must be an object" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_is_refused_at_its_json_path_saying_what_is_wrong(string registry, string path, string words)
    {
        var result = RegistryLoader.Load(registry);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Path == path && p.Message.Contains(words, StringComparison.Ordinal));
        Assert.All(result.Problems, p => Assert.DoesNotContain('\n', p.ToString()));
    }

    [Fact]
    public void Every_weekday_is_read_by_its_name_in_any_case_and_nothing_else_is()
    {
        var registry = RegistryLoader.Load(With(calendar: "\"closedWeekdays\": [\"monday\", \"Tuesday\", \"WEDNESDAY\", \"thursday\", \"friday\", \"saturday\", \"sunday\"]", branch: ", \"id\": \"F001\"")).Registry!;

        Assert.Equal(Enum.GetValues<DayOfWeek>().ToHashSet(), registry.Branches[0].Sets[0].Calendar.ClosedWeekdays.ToHashSet());
    }

    [Fact]
    public void A_bad_registry_still_validates_against_the_schema_only_when_the_loader_accepts_it()
    {
        var schema = Schema.Value;
        string[] refusedByBoth =
        [
            With(branch: ", \"id\": \"F001\\n\""),
            With(calendar: "\"closedWeekdays\": [\"monday, tuesday\"]", branch: ", \"id\": \"F001\""),
            With(calendar: "\"closedDates\": [\"2026-12-20\\n\"]", branch: ", \"id\": \"F001\""),
            With(setBase: "\"schedule\": \"0 22 * * *\", ", branch: ", \"id\": \"F001\""),
            With(setBase: "\"root\": \" \", \"schedule\": \"0 22 * * *\", ", branch: ", \"id\": \"F001\""),
            With(set: ", \"generations\": \"7\"", branch: ", \"id\": \"F001\""),
        ];

        Assert.True(RegistryLoader.Load(With(branch: ", \"id\": \"F001\"")).Succeeded);
        using (var valid = JsonDocument.Parse(With(branch: ", \"id\": \"F001\"")))
        {
            Assert.True(schema.Evaluate(valid.RootElement).IsValid);
        }

        foreach (var registry in refusedByBoth)
        {
            using var document = JsonDocument.Parse(registry);
            Assert.False(RegistryLoader.Load(registry).Succeeded, registry);
            Assert.False(schema.Evaluate(document.RootElement).IsValid, registry);
        }
    }
}
