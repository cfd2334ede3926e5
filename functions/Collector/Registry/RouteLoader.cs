using System.Globalization;
using System.Text.RegularExpressions;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Registry;

/// <summary>
/// Reads the registry's <c>routes</c>: each problem at its JSON path, like the rest of the registry. Names a
/// route uses (tags, templates, branch ids) must exist, so a typo does not silently leave a region unwarned.
/// </summary>
internal static partial class RouteLoader
{
    private static readonly string[] RouteKeys = ["id", "name", "channel", "settings", "branches", "minSeverity", "events", "quietHours", "timeZone", "summaryAt", "language"];
    private static readonly string[] AudienceKeys = ["tags", "templates", "ids"];
    private static readonly string[] QuietKeys = ["from", "to", "wake"];

    private static readonly Dictionary<string, RouteChannel> Channels = new(StringComparer.Ordinal)
    {
        ["email"] = RouteChannel.Email,
        ["googleChat"] = RouteChannel.GoogleChat,
        ["teams"] = RouteChannel.Teams,
        ["telegram"] = RouteChannel.Telegram,
        ["webhook"] = RouteChannel.Webhook,
    };

    private static readonly Dictionary<string, SetStatus> Severities = new(StringComparer.Ordinal)
    {
        ["warning"] = SetStatus.Warning,
        ["silent"] = SetStatus.Silent,
        ["missed"] = SetStatus.Missed,
        ["failed"] = SetStatus.Failed,
    };

    /// <summary>Each event by its English name and by the word the sheet's Alertas tab uses for it.</summary>
    private static readonly Dictionary<string, RouteEvent> Events = new(StringComparer.Ordinal)
    {
        ["opened"] = RouteEvent.Opened,
        ["aberto"] = RouteEvent.Opened,
        ["escalated"] = RouteEvent.Escalated,
        ["agravado"] = RouteEvent.Escalated,
        ["reminder"] = RouteEvent.Reminder,
        ["lembrete"] = RouteEvent.Reminder,
        ["reopened"] = RouteEvent.Reopened,
        ["reaberto"] = RouteEvent.Reopened,
        ["resolved"] = RouteEvent.Resolved,
        ["resolvido"] = RouteEvent.Resolved,
        ["dailySummary"] = RouteEvent.DailySummary,
        ["resumoDiario"] = RouteEvent.DailySummary,
    };

    /// <summary>Each language's code, and whether it is English.</summary>
    private static readonly Dictionary<string, bool> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pt-BR"] = false,
        ["pt"] = false,
        ["en"] = true,
    };

    public static IReadOnlyList<AlertRoute> Read(JsonAt? field, IReadOnlyCollection<string> templates, IReadOnlyList<BranchPolicy> branches, JsonValueReader read, Action<string, string> problem)
    {
        var routes = new List<AlertRoute>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in read.List(field))
        {
            if (read.Object(item) is not { } r)
            {
                continue;
            }

            read.OnlyKeys(r, RouteKeys);
            var id = read.Id(read.Required(r, "id"));
            if (id is not null && !seen.Add(id))
            {
                problem(r.PathOf("id"), $"route '{id}' appears more than once");
                id = null;
            }

            var name = read.String(r.Member("name"));
            var channel = read.OneOf(read.Required(r, "channel"), "channel", Channels, [.. Channels.Keys]);
            var settings = read.String(read.Required(r, "settings"));
            if (settings is not null && !SettingsPattern().IsMatch(settings))
            {
                problem(r.PathOf("settings"), $"'{settings}' is not a settings name: letters, digits and '_' only (it names the app settings Alerts__Routes__{{name}}__..., never a secret)");
                settings = null;
            }

            var audience = Audience(r.Member("branches"), templates, branches, read, problem);
            var severity = r.Member("minSeverity") is { } min ? read.OneOf(min, "severity", Severities, [.. Severities.Keys]) : SetStatus.Warning;
            var events = Events_(r.Member("events"), read, problem);
            var zone = Zone(r.Member("timeZone"), read, problem);
            var quiet = Quiet(r.Member("quietHours"), read, problem);
            var summaryAt = r.Member("summaryAt") is { } at ? Time(at, read, problem) : AlertRoute.DefaultSummaryAt;
            var english = r.Member("language") is { } l ? read.OneOf(l, "language", Languages, ["pt-BR", "en"]) : false;
            if (id is null || channel is not { } kind || settings is null || audience is null || severity is not { } least || events is null || zone is null || summaryAt is not { } summary || english is not { } inEnglish)
            {
                continue;
            }

            routes.Add(new AlertRoute
            {
                Id = id,
                Name = name ?? id,
                Channel = kind,
                Settings = settings,
                Audience = audience,
                MinSeverity = least,
                Events = events,
                QuietHours = quiet,
                TimeZone = zone,
                SummaryAt = summary,
                Language = inEnglish ? SheetLanguage.English : SheetLanguage.Portuguese,
            });
        }

        return routes;
    }

    private static RouteAudience? Audience(JsonAt? field, IReadOnlyCollection<string> templates, IReadOnlyList<BranchPolicy> branches, JsonValueReader read, Action<string, string> problem)
    {
        if (field is null)
        {
            return RouteAudience.Everyone;
        }

        if (read.Object(field) is not { } a)
        {
            return null;
        }

        read.OnlyKeys(a, AudienceKeys);
        var ok = true;
        var tags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var known = branches.SelectMany(b => b.Tags).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var item in read.List(a.Member("tags")))
        {
            if (read.Id(item) is not { } tag)
            {
                ok = false;
            }
            else if (!known.Contains(tag))
            {
                problem(item.Path, $"no branch or template has the tag '{tag}'" + (known.Count == 0 ? " (none has any tags)" : $" (known: {string.Join(", ", known.Order(StringComparer.OrdinalIgnoreCase))})"));
                ok = false;
            }
            else
            {
                tags.Add(tag);
            }
        }

        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in read.List(a.Member("templates")))
        {
            if (read.String(item) is not { } template)
            {
                ok = false;
            }
            else if (!templates.Contains(template))
            {
                problem(item.Path, $"unknown template '{template}' (known: {string.Join(", ", templates)})");
                ok = false;
            }
            else
            {
                named.Add(template);
            }
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in read.List(a.Member("ids")))
        {
            if (read.Id(item) is not { } id)
            {
                ok = false;
            }
            else if (!branches.Any(b => string.Equals(b.Id, id, StringComparison.OrdinalIgnoreCase)))
            {
                problem(item.Path, $"no branch '{id}' in the registry");
                ok = false;
            }
            else
            {
                ids.Add(id);
            }
        }

        if (ok && tags.Count == 0 && named.Count == 0 && ids.Count == 0)
        {
            problem(a.Path, "names no tag, template or branch id: leave \"branches\" out for a route that hears about every branch");
            ok = false;
        }

        return ok ? new RouteAudience { Tags = tags, Templates = named, BranchIds = ids } : null;
    }

    private static HashSet<RouteEvent>? Events_(JsonAt? field, JsonValueReader read, Action<string, string> problem)
    {
        if (field is null)
        {
            return [.. AlertRoute.AllEvents];
        }

        var items = read.List(field);
        if (field is { Kind: System.Text.Json.JsonValueKind.Array } list && items.Count == 0)
        {
            problem(list.Path, "lists no event: name at least one of opened, escalated, reminder, reopened, resolved, dailySummary");
            return null;
        }

        var events = new HashSet<RouteEvent>();
        var ok = field is { Kind: System.Text.Json.JsonValueKind.Array };
        foreach (var item in items)
        {
            if (read.OneOf(item, "event", Events, [.. Events.Keys]) is { } what)
            {
                events.Add(what);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? events : null;
    }

    private static TimeZoneInfo? Zone(JsonAt? field, JsonValueReader read, Action<string, string> problem)
    {
        var name = field is null ? RegistryLoader.DefaultTimeZone : read.String(field);
        if (name is null)
        {
            return null;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone))
        {
            return zone;
        }

        problem(field!.Value.Path, $"'{name}' is not a known IANA time zone (e.g. America/Sao_Paulo, America/Manaus)");
        return null;
    }

    private static QuietHours? Quiet(JsonAt? field, JsonValueReader read, Action<string, string> problem)
    {
        if (read.Object(field) is not { } q)
        {
            return null;
        }

        read.OnlyKeys(q, QuietKeys);
        var from = read.Required(q, "from") is { } f ? Time(f, read, problem) : null;
        var to = read.Required(q, "to") is { } t ? Time(t, read, problem) : null;
        var wake = q.Member("wake") is { } w ? read.OneOf(w, "severity", Severities, [.. Severities.Keys]) : null;
        if (from is { } start && to is { } end && start == end)
        {
            problem(q.Path, $"starts and ends at {start:HH\\:mm}: give different times (22:00 to 07:00 spans midnight), or leave quietHours out");
            return null;
        }

        return from is { } a && to is { } b ? new QuietHours(a, b, wake) : null;
    }

    private static TimeOnly? Time(JsonAt field, JsonValueReader read, Action<string, string> problem)
    {
        if (read.String(field) is not { } text)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        problem(field.Path, $"'{text}' is not a time of day as HH:mm (e.g. 08:00, 22:30)");
        return null;
    }

    [GeneratedRegex(@"\A[A-Za-z0-9_]{1,64}\z")]
    private static partial Regex SettingsPattern();
}
