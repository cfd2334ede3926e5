using System.Text.Json;
using Json.Schema;
using MonitoramentoBKP.Collector.Registry;

namespace MonitoramentoBKP.Collector.Tests.Registry;

public sealed class RegistryLoaderTests
{
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

        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "registry", "registry.schema.json")));
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
}
