using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Tests.Registry;

public sealed class RouteLoaderTests
{
    private static string Sample => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "registry", "branches.json"));

    private static string With(string routes) => $$"""
        {
          "templates": {
            "loja": { "tags": ["loja"], "sets": [ { "id": "sql", "root": "C:\\b", "schedule": "0 22 * * *" } ] },
            "escritorio": { "sets": [ { "id": "arq", "root": "D:\\b", "schedule": "0 20 * * 5" } ] }
          },
          "branches": [
            { "id": "F001", "template": "loja", "tags": ["sul"] },
            { "id": "F002", "template": "loja", "tags": ["norte"] },
            { "id": "E001", "template": "escritorio" }
          ],
          "routes": {{routes}}
        }
        """;

    [Fact]
    public void The_sample_routes_give_regional_managers_their_region_and_ops_everything()
    {
        var registry = RegistryLoader.Load(Sample).Registry!;

        var sul = registry.Routes.Single(r => r.Id == "regional-sul");
        var ops = registry.Routes.Single(r => r.Id == "ops");
        Assert.Equal(RouteChannel.Email, sul.Channel);
        Assert.Equal("regional_sul", sul.Settings);
        Assert.Equal(SetStatus.Missed, sul.MinSeverity);
        Assert.Equal(new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0), SetStatus.Failed), sul.QuietHours);
        Assert.DoesNotContain(RouteEvent.Reminder, sul.Events);
        Assert.Equal(["E001", "F011", "F012", "F013", "F014"], registry.Branches.Where(sul.Audience.Includes).Select(b => b.Id).Order(StringComparer.Ordinal));
        Assert.All(registry.Branches, b => Assert.True(ops.Audience.Includes(b)));
        Assert.Equal(AlertRoute.AllEvents, ops.Events);
        Assert.Equal(new TimeOnly(8, 0), ops.SummaryAt);
        Assert.Equal(SheetLanguage.English, registry.Routes.Single(r => r.Id == "ops-teams").Language);
        Assert.Equal(new TimeOnly(7, 30), registry.Routes.Single(r => r.Id == "regional-norte").SummaryAt);
    }

    [Fact]
    public void A_branch_has_its_templates_tags_and_its_own()
    {
        var registry = RegistryLoader.Load(With("[]")).Registry!;

        Assert.Equal(["loja", "sul"], registry.Find("F001")!.Tags.Order(StringComparer.Ordinal));
        Assert.Empty(registry.Find("E001")!.Tags);
    }

    [Fact]
    public void A_route_picks_branches_by_tag_template_or_id()
    {
        var registry = RegistryLoader.Load(With("""
            [
              { "id": "a", "channel": "email", "settings": "a", "branches": { "tags": ["SUL"] } },
              { "id": "b", "channel": "teams", "settings": "b", "branches": { "templates": ["escritorio"], "ids": ["f002"] } }
            ]
            """)).Registry!;

        Assert.Equal(["F001"], registry.Branches.Where(registry.Routes[0].Audience.Includes).Select(b => b.Id));
        Assert.Equal(["E001", "F002"], registry.Branches.Where(registry.Routes[1].Audience.Includes).Select(b => b.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_problem_of_a_route_is_reported_by_its_path()
    {
        var result = RegistryLoader.Load(With("""
            [
              { "id": "a", "channel": "sms", "settings": "Alerts__Routes__a__Password=hunter2", "color": "red",
                "branches": { "tags": ["oeste"], "templates": ["quiosque"], "ids": ["F999"] },
                "minSeverity": "ok", "events": ["opened", "closed"],
                "quietHours": { "from": "22h", "to": "07:00", "wake": "loud" },
                "timeZone": "Mars/Olympus", "summaryAt": "8:00", "language": "fr" },
              { "id": "A", "channel": "email", "settings": "x" },
              { "id": "b", "channel": "email", "settings": "b", "branches": {}, "events": [], "quietHours": { "from": "07:00", "to": "07:00" } },
              { "channel": "email" }
            ]
            """));

        Assert.False(result.Succeeded);
        var paths = result.Problems.Select(p => p.Path).ToList();
        foreach (var path in new[]
        {
            "routes[0].channel", "routes[0].settings", "routes[0].color", "routes[0].branches.tags[0]", "routes[0].branches.templates[0]",
            "routes[0].branches.ids[0]", "routes[0].minSeverity", "routes[0].events[1]", "routes[0].quietHours.from", "routes[0].quietHours.wake",
            "routes[0].timeZone", "routes[0].summaryAt", "routes[0].language", "routes[1].id", "routes[2].branches", "routes[2].events",
            "routes[2].quietHours", "routes[3].id", "routes[3].settings",
        })
        {
            Assert.Contains(path, paths);
        }

        Assert.Contains(result.Problems, p => p.Path == "routes[0].branches.tags[0]" && p.Message.Contains("known: loja, norte, sul", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Path == "routes[1].id" && p.Message.Contains("more than once", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Problems, p => p.Message.Contains("hunter2", StringComparison.Ordinal) && p.Path != "routes[0].settings");
    }

    [Theory]
    [InlineData("22:00", "07:00", "21:59", false)]
    [InlineData("22:00", "07:00", "22:00", true)]
    [InlineData("22:00", "07:00", "03:00", true)]
    [InlineData("22:00", "07:00", "07:00", false)]
    [InlineData("12:00", "14:00", "13:00", true)]
    [InlineData("12:00", "14:00", "14:30", false)]
    public void Quiet_hours_may_span_midnight(string from, string to, string at, bool quiet) =>
        Assert.Equal(quiet, new QuietHours(TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), null).Contains(TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Quiet_hours_end_at_their_end_in_the_routes_zone()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        var quiet = new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0), SetStatus.Failed);

        // 23:30 in São Paulo (UTC-3) is 02:30 UTC the next day; the quiet ends at 07:00 local, 10:00 UTC.
        Assert.Equal(new DateTime(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc), quiet.EndAfter(new DateTime(2026, 12, 2, 2, 30, 0, DateTimeKind.Utc), zone));
        Assert.Equal(new DateTime(2026, 12, 2, 15, 0, 0, DateTimeKind.Utc), quiet.EndAfter(new DateTime(2026, 12, 2, 15, 0, 0, DateTimeKind.Utc), zone));
        Assert.True(quiet.Wakes(SetStatus.Failed));
        Assert.False(quiet.Wakes(SetStatus.Missed));
        Assert.False(new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0), null).Wakes(SetStatus.Failed));
    }
}
