using System.Text.Json;
using Cronos;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Registry;

/// <summary>
/// Reads the branch registry (calendars, templates, branches) and resolves every branch's effective set
/// policies. Every value is read through <see cref="JsonValueReader"/>, so every problem is collected with its
/// JSON path, and any problem refuses the whole registry.
/// </summary>
public static class RegistryLoader
{
    public const string DefaultTimeZone = BackupSetPolicy.DefaultTimeZone;

    private static readonly string[] RootKeys = ["$schema", "calendars", "templates", "branches", "routes"];
    private static readonly string[] CalendarKeys = ["closedWeekdays", "closedDates", "openDates"];
    /// <summary>A branch's sets, their status changes and day cells, its branch row and run marker must fit one 100-operation transaction.</summary>
    public const int MaxSetsPerTemplate = 32;

    private static readonly string[] TemplateKeys = ["description", "tags", "timeZone", "calendar", "sets"];
    private static readonly string[] SetKeys = ["id", "root", "include", "exclude", "recurse", "reverifyBudget", "schedule", "timeZone", "grace", "minSize", "maxShrinkPercent", "generations", "minFreeSpace", "archivesMustPass"];
    private static readonly string[] OverrideKeys = SetKeys.Where(k => k != "id").ToArray();
    private static readonly string[] BranchKeys = ["id", "name", "template", "tags", "timeZone", "calendar", "paused", "retired", "sets", "silence"];
    private static readonly string[] SilenceKeys = ["from", "until", "reason", "sets"];

    private static readonly string[] WeekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    private static readonly Dictionary<string, DayOfWeek> Weekdays = WeekdayNames.ToDictionary(n => n, n => Enum.Parse<DayOfWeek>(n, ignoreCase: true), StringComparer.OrdinalIgnoreCase);

    private sealed class Problems
    {
        private readonly List<RegistryProblem> _list = [];
        private readonly HashSet<string> _seen = [];

        public IReadOnlyList<RegistryProblem> List => _list;

        public void Add(string path, string message)
        {
            path = JsonAt.Show(path);
            if (_seen.Add(path + "\n" + message))
            {
                _list.Add(new RegistryProblem(path, message));
            }
        }
    }

    public static RegistryLoadResult Load(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return new RegistryLoadResult(null, [new RegistryProblem($"line {(e.LineNumber ?? 0) + 1}", $"not valid JSON: {e.Message}")]);
        }

        using (document)
        {
            var root = new JsonAt(document.RootElement, "");
            if (root.Kind != JsonValueKind.Object)
            {
                return new RegistryLoadResult(null, [new RegistryProblem("$", "the registry must be a JSON object")]);
            }

            var problems = new Problems();
            var read = new JsonValueReader(p => problems.Add(p.Path, p.Message));
            read.OnlyKeys(root, RootKeys);
            read.String(root.Member("$schema"));
            var calendars = ReadCalendars(root, read);
            var templates = ReadTemplates(root, calendars, read, problems);
            var branches = ReadBranches(root, templates, calendars, read, problems);
            var routes = RouteLoader.Read(root.Member("routes"), templates.Keys, branches, read, problems.Add);
            return problems.List.Count > 0
                ? new RegistryLoadResult(null, problems.List)
                : new RegistryLoadResult(new BranchRegistry([.. templates.Keys], branches) { Routes = routes }, []);
        }
    }

    private static Dictionary<string, BusinessCalendar> ReadCalendars(JsonAt root, JsonValueReader read)
    {
        var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
        foreach (var (name, value) in read.Members(root.Member("calendars")))
        {
            if (read.Object(value) is not { } calendar)
            {
                continue;
            }

            read.OnlyKeys(calendar, CalendarKeys);
            var weekdays = new HashSet<DayOfWeek>();
            foreach (var item in read.List(calendar.Member("closedWeekdays")))
            {
                if (read.OneOf(item, "weekday", Weekdays, WeekdayNames) is { } day)
                {
                    weekdays.Add(day);
                }
            }

            calendars[name] = new BusinessCalendar
            {
                ClosedWeekdays = weekdays,
                ClosedDates = Dates(calendar.Member("closedDates"), read),
                OpenDates = Dates(calendar.Member("openDates"), read),
            };
        }

        return calendars;
    }

    /// <summary>Tags are ids ("sul", "regional-norte"), compared ignoring case.</summary>
    private static List<string> Tags(JsonAt? list, JsonValueReader read) =>
        read.List(list).Select(t => read.Id(t)).OfType<string>().ToList();

    private static HashSet<DateOnly> Dates(JsonAt? list, JsonValueReader read) =>
        read.List(list).Select(d => read.Date(d)).OfType<DateOnly>().ToHashSet();

    /// <summary>A template's set: its id, the path it was written at (where a missing field is reported), and its fields.</summary>
    private sealed record TemplateSet(string Id, string Path, Dictionary<string, JsonAt> Fields);

    private sealed record Template(string Name, JsonAt? TimeZone, JsonAt? Calendar, List<TemplateSet> Sets, IReadOnlyList<string> Tags);

    private static Dictionary<string, Template> ReadTemplates(JsonAt root, Dictionary<string, BusinessCalendar> calendars, JsonValueReader read, Problems problems)
    {
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var members = read.Members(read.Required(root, "templates"));
        if (members.Count == 0 && root.Member("templates") is { Kind: JsonValueKind.Object } empty)
        {
            problems.Add(empty.Path, "must name at least one template");
        }

        foreach (var (name, value) in members)
        {
            if (read.Object(value) is not { } t)
            {
                continue;
            }

            read.OnlyKeys(t, TemplateKeys);
            read.String(t.Member("description"), allowEmpty: true);
            var template = new Template(name, t.Member("timeZone"), t.Member("calendar"), [], Tags(t.Member("tags"), read));
            var sets = read.Required(t, "sets");
            var items = read.List(sets);
            if (sets is { Kind: JsonValueKind.Array } list && items.Count == 0)
            {
                problems.Add(list.Path, "must list at least one backup set");
            }
            else if (sets is { Kind: JsonValueKind.Array } many && items.Count > MaxSetsPerTemplate)
            {
                problems.Add(many.Path, $"lists {items.Count} backup sets; at most {MaxSetsPerTemplate} (a manifest's effect on a branch is one storage transaction of at most 100 operations: 3 per set plus 2)");
            }

            foreach (var item in items)
            {
                if (read.Object(item) is not { } set)
                {
                    continue;
                }

                read.OnlyKeys(set, SetKeys);
                if (read.Id(read.Required(set, "id")) is not { } id)
                {
                    continue;
                }

                if (template.Sets.Exists(s => s.Id == id))
                {
                    problems.Add(set.PathOf("id"), $"set '{id}' appears more than once in the template");
                    continue;
                }

                var fields = read.Members(set).Where(m => m.Name != "id").ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal);
                template.Sets.Add(new TemplateSet(id, set.Path, fields));
            }

            // Validate the template on its own, so its mistakes are reported once at their own path.
            var calendar = ResolveCalendar(template.Calendar, calendars, read, problems);
            foreach (var set in template.Sets)
            {
                BuildSet(set, Merge(set.Fields, template.TimeZone, null, null), calendar, read, problems);
            }

            templates[name] = template;
        }

        return templates;
    }

    private static List<BranchPolicy> ReadBranches(JsonAt root, Dictionary<string, Template> templates, Dictionary<string, BusinessCalendar> calendars, JsonValueReader read, Problems problems)
    {
        var branches = new List<BranchPolicy>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in read.List(read.Required(root, "branches")))
        {
            if (read.Object(item) is not { } b)
            {
                continue;
            }

            read.OnlyKeys(b, BranchKeys);
            var id = read.Id(read.Required(b, "id"));
            if (id is not null && !seen.Add(id))
            {
                problems.Add(b.PathOf("id"), $"branch '{id}' appears more than once");
                id = null;
            }

            var templateName = read.String(read.Required(b, "template"));
            var name = read.String(b.Member("name"));
            var paused = read.Boolean(b.Member("paused")) ?? false;
            var retired = read.Boolean(b.Member("retired")) ?? false;
            var branchZone = b.Member("timeZone");
            var tags = Tags(b.Member("tags"), read);
            if (templateName is null)
            {
                continue;
            }

            if (!templates.TryGetValue(templateName, out var template))
            {
                problems.Add(b.PathOf("template"), $"unknown template '{templateName}' (known: {string.Join(", ", templates.Keys)})");
                continue;
            }

            var overrides = ReadOverrides(b, template, read, problems);
            var calendar = ResolveCalendar(b.Member("calendar") ?? template.Calendar, calendars, read, problems);
            var sets = new List<BackupSetPolicy>();
            foreach (var set in template.Sets)
            {
                var merged = Merge(set.Fields, template.TimeZone, branchZone, overrides.GetValueOrDefault(set.Id));
                if (BuildSet(set, merged, calendar, read, problems) is { } policy)
                {
                    sets.Add(policy);
                }
            }

            if (id is null)
            {
                continue;
            }

            var silence = ReadSilence(b.Member("silence"), sets, read, problems);
            branches.Add(new BranchPolicy
            {
                Silence = silence,
                Id = id,
                Name = name ?? id,
                Template = templateName,
                Paused = paused,
                Retired = retired,
                Sets = sets,
                Tags = template.Tags.Concat(tags).ToHashSet(StringComparer.OrdinalIgnoreCase),
            });
        }

        return branches;
    }

    /// <summary>A branch's <c>silence</c>: until (required), reason (required), from and sets (optional); instants with their offset.</summary>
    private static Silencing.BranchSilence? ReadSilence(JsonAt? field, IReadOnlyList<BackupSetPolicy> sets, JsonValueReader read, Problems problems)
    {
        if (read.Object(field) is not { } s)
        {
            return null;
        }

        read.OnlyKeys(s, SilenceKeys);
        var until = Instant(read.Required(s, "until"), read, problems);
        var from = s.Member("from") is { } f ? Instant(f, read, problems) : DateTime.MinValue;
        var reason = read.String(read.Required(s, "reason"));
        if (reason is not null && (reason.Trim().Length == 0 || reason.Length > Admin.SilenceService.MaxReasonChars || reason.Any(char.IsControl)))
        {
            problems.Add(s.PathOf("reason"), $"say why in 1 to {Admin.SilenceService.MaxReasonChars} characters without control characters");
            reason = null;
        }

        var named = new List<string>();
        var list = read.List(s.Member("sets"));
        for (var i = 0; i < list.Count; i++)
        {
            if (read.Id(list[i]) is not { } setId)
            {
                continue;
            }

            if (sets.FirstOrDefault(p => string.Equals(p.Id, setId, StringComparison.OrdinalIgnoreCase)) is { } policy)
            {
                named.Add(policy.Id);
            }
            else
            {
                problems.Add(list[i].Path, $"the branch has no set '{setId}' (it has: {string.Join(", ", sets.Select(p => p.Id))})");
            }
        }

        if (until is not { } end || from is not { } start || reason is null)
        {
            return null;
        }

        if (end <= start)
        {
            problems.Add(s.PathOf("until"), "must be after 'from'");
            return null;
        }

        if (start != DateTime.MinValue && end - start > Silencing.Silences.Longest)
        {
            problems.Add(s.PathOf("until"), $"a silence lasts at most {Silencing.Silences.Longest.TotalDays:0} days");
            return null;
        }

        return new Silencing.BranchSilence { FromUtc = start, UntilUtc = end, Reason = reason.Trim(), Sets = named, Source = Silencing.BranchSilence.FromRegistry };
    }

    /// <summary>An instant with its offset ("2026-12-05T18:00:00-03:00" or "...Z"); a time without one is ambiguous and refused.</summary>
    private static DateTime? Instant(JsonAt? field, JsonValueReader read, Problems problems)
    {
        if (read.String(field) is not { } text)
        {
            return null;
        }

        if (Silencing.SilenceRequest.TryInstant(text, out var utc))
        {
            return utc;
        }

        problems.Add(field!.Value.Path, $"'{text}' is not an instant with its offset, like 2026-12-05T18:00:00-03:00");
        return null;
    }

    private static Dictionary<string, Dictionary<string, JsonAt>> ReadOverrides(JsonAt branch, Template template, JsonValueReader read, Problems problems)
    {
        var overrides = new Dictionary<string, Dictionary<string, JsonAt>>(StringComparer.Ordinal);
        foreach (var (setId, value) in read.Members(branch.Member("sets")))
        {
            if (!template.Sets.Exists(s => s.Id == setId))
            {
                problems.Add(value.Path, $"template '{template.Name}' has no set '{setId}' (it has: {string.Join(", ", template.Sets.Select(s => s.Id))})");
                continue;
            }

            if (read.Object(value) is not { } set)
            {
                continue;
            }

            read.OnlyKeys(set, OverrideKeys);
            overrides[setId] = read.Members(set).Where(m => m.Name != "id").ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal);
        }

        return overrides;
    }

    /// <summary>A set's fields: the template's set, under its template's time zone, then the branch's time zone and overrides.</summary>
    private static Dictionary<string, JsonAt> Merge(Dictionary<string, JsonAt> template, JsonAt? templateZone, JsonAt? branchZone, Dictionary<string, JsonAt>? overrides)
    {
        var merged = new Dictionary<string, JsonAt>(template, StringComparer.Ordinal);
        if (templateZone is { } z && !template.ContainsKey("timeZone"))
        {
            merged["timeZone"] = z;
        }

        if (branchZone is { } b)
        {
            merged["timeZone"] = b;
        }

        foreach (var (key, value) in overrides ?? [])
        {
            merged[key] = value;
        }

        return merged;
    }

    private static BackupSetPolicy? BuildSet(TemplateSet set, Dictionary<string, JsonAt> fields, BusinessCalendar calendar, JsonValueReader read, Problems problems)
    {
        var before = problems.List.Count;
        JsonAt? Field(string key) => fields.TryGetValue(key, out var value) ? value : null;
        JsonAt? RequiredField(string key)
        {
            if (Field(key) is { } value)
            {
                return value;
            }

            // Missing from the template's set and from every override: the template's set is where it belongs.
            read.Report(JsonAt.Child(set.Path, key), ValueProblemKind.Required);
            return null;
        }

        var root = read.String(RequiredField("root"));
        var include = read.Strings(Field("include")).Select(i => i.Text).ToList();
        var exclude = read.Strings(Field("exclude")).Select(i => i.Text).ToList();
        var (crons, cronTexts) = ReadSchedule(RequiredField("schedule"), read, problems);

        TimeZoneInfo? zone = null;
        var zoneField = Field("timeZone");
        var zoneName = zoneField is null ? BackupSetPolicy.DefaultTimeZone : read.String(zoneField);
        if (zoneName is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out zone))
        {
            problems.Add(zoneField?.Path ?? JsonAt.Child(set.Path, "timeZone"), $"'{zoneName}' is not a known IANA time zone (e.g. America/Sao_Paulo, America/Manaus)");
        }

        var policy = new BackupSetPolicy
        {
            Id = set.Id,
            Root = root ?? "",
            Include = include,
            Exclude = exclude,
            Recurse = read.Boolean(Field("recurse")) ?? true,
            ReverifyBudgetBytes = read.Size(Field("reverifyBudget")),
            Schedule = crons,
            ScheduleText = cronTexts,
            TimeZone = zone ?? TimeZoneInfo.Utc,
            Grace = read.Duration(Field("grace"), BackupSetPolicy.MaxGrace) ?? BackupSetPolicy.DefaultGrace,
            MinSizeBytes = read.Size(Field("minSize")) ?? 0,
            MaxShrinkPercent = read.Whole(Field("maxShrinkPercent"), 0, 100) ?? BackupSetPolicy.DefaultMaxShrinkPercent,
            Generations = read.Whole(Field("generations"), 1, 1000) ?? BackupSetPolicy.DefaultGenerations,
            MinFreeBytes = read.Size(Field("minFreeSpace")) ?? 0,
            ArchivesMustPass = read.Boolean(Field("archivesMustPass")) ?? BackupSetPolicy.DefaultArchivesMustPass,
            Calendar = calendar,
        };
        return problems.List.Count == before ? policy : null;
    }

    /// <summary>One cron text or a list of them, each parsed by Cronos (minute hour day-of-month month day-of-week).</summary>
    private static (List<CronExpression> Crons, List<string> Texts) ReadSchedule(JsonAt? field, JsonValueReader read, Problems problems)
    {
        var crons = new List<CronExpression>();
        var texts = new List<string>();
        if (field is not { } schedule)
        {
            return (crons, texts);
        }

        IReadOnlyList<JsonAt> items = schedule.Kind switch
        {
            JsonValueKind.String => [schedule],
            JsonValueKind.Array => read.List(schedule),
            _ => [],
        };
        if (items.Count == 0)
        {
            problems.Add(schedule.Path, "must be a cron expression or a list of them, e.g. [\"0 10 * * *\", \"0 22 * * *\"]");
        }

        foreach (var item in items)
        {
            if (read.String(item) is not { } text)
            {
                continue;
            }

            try
            {
                crons.Add(CronExpression.Parse(text));
                texts.Add(text);
            }
            catch (CronFormatException e)
            {
                problems.Add(item.Path, $"'{text}' is not a valid cron expression (minute hour day-of-month month day-of-week): {e.Message}");
            }
        }

        return (crons, texts);
    }

    private static BusinessCalendar ResolveCalendar(JsonAt? field, Dictionary<string, BusinessCalendar> calendars, JsonValueReader read, Problems problems)
    {
        if (field is not { } f || read.String(f) is not { } name)
        {
            return BusinessCalendar.AlwaysOpen;
        }

        if (calendars.TryGetValue(name, out var calendar))
        {
            return calendar;
        }

        problems.Add(f.Path, $"unknown calendar '{name}' (known: {string.Join(", ", calendars.Keys)})");
        return BusinessCalendar.AlwaysOpen;
    }
}
