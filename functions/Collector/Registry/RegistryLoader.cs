using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cronos;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Registry;

/// <summary>
/// Reads the branch registry (calendars, templates, branches) and resolves every branch's effective set
/// policies. Every problem is collected with its JSON path, and any problem refuses the whole registry.
/// </summary>
public static partial class RegistryLoader
{
    public const string DefaultTimeZone = "America/Sao_Paulo";

    private static readonly string[] RootKeys = ["$schema", "calendars", "templates", "branches"];
    private static readonly string[] CalendarKeys = ["closedWeekdays", "closedDates", "openDates"];
    private static readonly string[] TemplateKeys = ["description", "timeZone", "calendar", "sets"];
    private static readonly string[] SetKeys = ["id", "root", "include", "schedule", "timeZone", "grace", "minSize", "maxShrinkPercent", "generations", "minFreeSpace", "archivesMustPass"];
    private static readonly string[] OverrideKeys = SetKeys.Where(k => k != "id").ToArray();
    private static readonly string[] BranchKeys = ["id", "name", "template", "timeZone", "calendar", "paused", "retired", "sets"];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();

    /// <summary>A value and the path it was written at, so a problem names the place to fix.</summary>
    private readonly record struct Field(JsonElement Value, string Path);

    private sealed class Problems
    {
        private readonly List<RegistryProblem> _list = [];
        private readonly HashSet<string> _seen = [];

        public IReadOnlyList<RegistryProblem> List => _list;

        public void Add(string path, string message)
        {
            if (_seen.Add(path + "\n" + message))
            {
                _list.Add(new RegistryProblem(path, message));
            }
        }
    }

    public static RegistryLoadResult Load(string json)
    {
        var problems = new Problems();
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
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new RegistryLoadResult(null, [new RegistryProblem("$", "the registry must be a JSON object")]);
            }

            CheckKeys(root, RootKeys, "", problems);
            var calendars = ReadCalendars(root, problems);
            var templates = ReadTemplates(root, calendars, problems);
            var branches = ReadBranches(root, templates, calendars, problems);
            return problems.List.Count > 0
                ? new RegistryLoadResult(null, problems.List)
                : new RegistryLoadResult(new BranchRegistry([.. templates.Keys], branches), []);
        }
    }

    private static Dictionary<string, BusinessCalendar> ReadCalendars(JsonElement root, Problems problems)
    {
        var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
        if (!root.TryGetProperty("calendars", out var element))
        {
            return calendars;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add("calendars", "must be an object of named calendars");
            return calendars;
        }

        foreach (var property in element.EnumerateObject())
        {
            var at = $"calendars.{property.Name}";
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                problems.Add(at, "must be an object");
                continue;
            }

            CheckKeys(property.Value, CalendarKeys, at + ".", problems);
            var weekdays = new HashSet<DayOfWeek>();
            foreach (var (value, path) in Strings(property.Value, "closedWeekdays", at, problems))
            {
                if (Enum.TryParse<DayOfWeek>(value, ignoreCase: true, out var day) && !int.TryParse(value, out _))
                {
                    weekdays.Add(day);
                }
                else
                {
                    problems.Add(path, $"'{value}' is not a weekday (sunday, monday, ... saturday)");
                }
            }

            calendars[property.Name] = new BusinessCalendar
            {
                ClosedWeekdays = weekdays,
                ClosedDates = Dates(property.Value, "closedDates", at, problems),
                OpenDates = Dates(property.Value, "openDates", at, problems),
            };
        }

        return calendars;
    }

    private sealed record Template(string Name, Field? TimeZone, Field? Calendar, List<(string Id, Dictionary<string, Field> Fields)> Sets);

    private static Dictionary<string, Template> ReadTemplates(JsonElement root, Dictionary<string, BusinessCalendar> calendars, Problems problems)
    {
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        if (!root.TryGetProperty("templates", out var element) || element.ValueKind != JsonValueKind.Object)
        {
            problems.Add("templates", "required: an object of named templates");
            return templates;
        }

        foreach (var property in element.EnumerateObject())
        {
            var at = $"templates.{property.Name}";
            var t = property.Value;
            if (t.ValueKind != JsonValueKind.Object)
            {
                problems.Add(at, "must be an object");
                continue;
            }

            CheckKeys(t, TemplateKeys, at + ".", problems);
            var template = new Template(property.Name, OptionalField(t, "timeZone", at), OptionalField(t, "calendar", at), []);
            if (!t.TryGetProperty("sets", out var sets) || sets.ValueKind != JsonValueKind.Array || sets.GetArrayLength() == 0)
            {
                problems.Add(at + ".sets", "required: a list of at least one backup set");
            }
            else
            {
                var index = 0;
                foreach (var set in sets.EnumerateArray())
                {
                    var setAt = $"{at}.sets[{index++}]";
                    if (set.ValueKind != JsonValueKind.Object)
                    {
                        problems.Add(setAt, "must be an object");
                        continue;
                    }

                    CheckKeys(set, SetKeys, setAt + ".", problems);
                    var id = set.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : null;
                    if (id is null || !IdPattern().IsMatch(id))
                    {
                        problems.Add(setAt + ".id", id is null ? "required" : $"'{id}' is not a valid id (letters, digits, '.', '_' or '-', up to 64)");
                        continue;
                    }

                    if (template.Sets.Exists(s => s.Id == id))
                    {
                        problems.Add(setAt + ".id", $"set '{id}' appears more than once in the template");
                        continue;
                    }

                    var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
                    foreach (var field in set.EnumerateObject())
                    {
                        fields[field.Name] = new Field(field.Value, $"{setAt}.{field.Name}");
                    }

                    template.Sets.Add((id, fields));
                }
            }

            // Validate the template on its own, so its mistakes are reported once at their own path.
            foreach (var (id, fields) in template.Sets)
            {
                BuildSet(id, Merge(fields, template.TimeZone, null, null), ResolveCalendar(template.Calendar, calendars, problems), problems);
            }

            templates[property.Name] = template;
        }

        return templates;
    }

    private static List<BranchPolicy> ReadBranches(JsonElement root, Dictionary<string, Template> templates, Dictionary<string, BusinessCalendar> calendars, Problems problems)
    {
        var branches = new List<BranchPolicy>();
        if (!root.TryGetProperty("branches", out var element) || element.ValueKind != JsonValueKind.Array)
        {
            problems.Add("branches", "required: a list of branches");
            return branches;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var b in element.EnumerateArray())
        {
            var at = $"branches[{index++}]";
            if (b.ValueKind != JsonValueKind.Object)
            {
                problems.Add(at, "must be an object");
                continue;
            }

            CheckKeys(b, BranchKeys, at + ".", problems);
            var id = String(b, "id", at, problems, required: true);
            if (id is not null && !IdPattern().IsMatch(id))
            {
                problems.Add(at + ".id", $"'{id}' is not a valid branch id (letters, digits, '.', '_' or '-', up to 64)");
                continue;
            }

            if (id is not null && !seen.Add(id))
            {
                problems.Add(at + ".id", $"branch '{id}' appears more than once");
                continue;
            }

            var templateName = String(b, "template", at, problems, required: true);
            if (templateName is null || id is null)
            {
                continue;
            }

            if (!templates.TryGetValue(templateName, out var template))
            {
                problems.Add(at + ".template", $"unknown template '{templateName}' (known: {string.Join(", ", templates.Keys)})");
                continue;
            }

            var overrides = ReadOverrides(b, template, at, problems);
            var branchZone = OptionalField(b, "timeZone", at);
            var calendar = ResolveCalendar(OptionalField(b, "calendar", at) ?? template.Calendar, calendars, problems);
            var sets = new List<BackupSetPolicy>();
            foreach (var (setId, fields) in template.Sets)
            {
                var merged = Merge(fields, template.TimeZone, branchZone, overrides.GetValueOrDefault(setId));
                if (BuildSet(setId, merged, calendar, problems) is { } policy)
                {
                    sets.Add(policy);
                }
            }

            branches.Add(new BranchPolicy
            {
                Id = id,
                Name = String(b, "name", at, problems, required: false) ?? id,
                Template = templateName,
                Paused = Boolean(b, "paused", at, problems) ?? false,
                Retired = Boolean(b, "retired", at, problems) ?? false,
                Sets = sets,
            });
        }

        return branches;
    }

    private static Dictionary<string, Dictionary<string, Field>> ReadOverrides(JsonElement branch, Template template, string at, Problems problems)
    {
        var overrides = new Dictionary<string, Dictionary<string, Field>>(StringComparer.Ordinal);
        if (!branch.TryGetProperty("sets", out var sets))
        {
            return overrides;
        }

        if (sets.ValueKind != JsonValueKind.Object)
        {
            problems.Add(at + ".sets", "must be an object of overrides by set id");
            return overrides;
        }

        foreach (var set in sets.EnumerateObject())
        {
            var setAt = $"{at}.sets.{set.Name}";
            if (!template.Sets.Exists(s => s.Id == set.Name))
            {
                problems.Add(setAt, $"template '{template.Name}' has no set '{set.Name}' (it has: {string.Join(", ", template.Sets.Select(s => s.Id))})");
                continue;
            }

            if (set.Value.ValueKind != JsonValueKind.Object)
            {
                problems.Add(setAt, "must be an object");
                continue;
            }

            CheckKeys(set.Value, OverrideKeys, setAt + ".", problems);
            overrides[set.Name] = set.Value.EnumerateObject().ToDictionary(f => f.Name, f => new Field(f.Value, $"{setAt}.{f.Name}"), StringComparer.Ordinal);
        }

        return overrides;
    }

    /// <summary>A set's fields: the template's set, under its template's time zone, then the branch's time zone and overrides.</summary>
    private static Dictionary<string, Field> Merge(Dictionary<string, Field> template, Field? templateZone, Field? branchZone, Dictionary<string, Field>? overrides)
    {
        var merged = new Dictionary<string, Field>(template, StringComparer.Ordinal);
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

    private static BackupSetPolicy? BuildSet(string id, Dictionary<string, Field> f, BusinessCalendar calendar, Problems problems)
    {
        var before = problems.List.Count;
        string? root = null;
        if (f.TryGetValue("root", out var rootField))
        {
            root = rootField.Value.ValueKind == JsonValueKind.String && rootField.Value.GetString()!.Trim().Length > 0
                ? rootField.Value.GetString()
                : Problem(rootField, "must be a folder path");
        }
        else
        {
            problems.Add($"set '{id}'.root", "required");
        }

        var include = new List<string>();
        if (f.TryGetValue("include", out var includeField))
        {
            if (includeField.Value.ValueKind == JsonValueKind.Array && includeField.Value.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String))
            {
                include.AddRange(includeField.Value.EnumerateArray().Select(i => i.GetString()!));
            }
            else
            {
                Problem(includeField, "must be a list of file patterns");
            }
        }

        var crons = new List<CronExpression>();
        var cronTexts = new List<string>();
        if (f.TryGetValue("schedule", out var scheduleField))
        {
            var items = scheduleField.Value.ValueKind switch
            {
                JsonValueKind.String => [scheduleField.Value],
                JsonValueKind.Array => scheduleField.Value.EnumerateArray().ToList(),
                _ => [],
            };
            if (items.Count == 0)
            {
                Problem(scheduleField, "must be a cron expression or a list of them, e.g. [\"0 10 * * *\", \"0 22 * * *\"]");
            }

            var i = 0;
            foreach (var item in items)
            {
                var path = scheduleField.Value.ValueKind == JsonValueKind.Array ? $"{scheduleField.Path}[{i}]" : scheduleField.Path;
                i++;
                var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.ToString();
                try
                {
                    crons.Add(CronExpression.Parse(text));
                    cronTexts.Add(text);
                }
                catch (CronFormatException e)
                {
                    problems.Add(path, $"'{text}' is not a valid cron expression (minute hour day-of-month month day-of-week): {e.Message}");
                }
            }
        }
        else
        {
            problems.Add($"set '{id}'.schedule", "required: when backups are made, as cron, e.g. \"0 22 * * *\"");
        }

        TimeZoneInfo? zone = null;
        var zoneName = f.TryGetValue("timeZone", out var zoneField)
            ? zoneField.Value.ValueKind == JsonValueKind.String ? zoneField.Value.GetString() : zoneField.Value.ToString()
            : DefaultTimeZone;
        if (zoneName is null || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out zone))
        {
            problems.Add(zoneField.Path ?? $"set '{id}'.timeZone", $"'{zoneName}' is not a known IANA time zone (e.g. America/Sao_Paulo, America/Manaus)");
        }

        var grace = TimeSpan.FromHours(2);
        if (f.TryGetValue("grace", out var graceField) && !(graceField.Value.ValueKind == JsonValueKind.String && Duration.TryParse(graceField.Value.GetString()!, out grace)))
        {
            Problem(graceField, $"'{graceField.Value}' is not a duration (e.g. \"2h\", \"90m\", \"1d\")");
        }

        var policy = new BackupSetPolicy
        {
            Id = id,
            Root = root ?? "",
            Include = include,
            Schedule = crons,
            ScheduleText = cronTexts,
            TimeZone = zone ?? TimeZoneInfo.Utc,
            Grace = grace,
            MinSizeBytes = Size(f, "minSize", problems) ?? 0,
            MaxShrinkPercent = Whole(f, "maxShrinkPercent", 0, 100, problems) ?? 30,
            Generations = Whole(f, "generations", 1, 1000, problems) ?? 1,
            MinFreeBytes = Size(f, "minFreeSpace", problems) ?? 0,
            ArchivesMustPass = f.TryGetValue("archivesMustPass", out var mustPass)
                ? mustPass.Value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => Problem(mustPass, "must be true or false") is null,
                }
                : true,
            Calendar = calendar,
        };
        return problems.List.Count == before ? policy : null;

        string? Problem(Field field, string message)
        {
            problems.Add(field.Path, message);
            return null;
        }
    }

    private static long? Size(Dictionary<string, Field> f, string key, Problems problems)
    {
        if (!f.TryGetValue(key, out var field))
        {
            return null;
        }

        if (field.Value.ValueKind == JsonValueKind.Number && field.Value.TryGetInt64(out var n))
        {
            if (n >= 0)
            {
                return n;
            }
        }
        else if (field.Value.ValueKind == JsonValueKind.String && ByteSize.TryParse(field.Value.GetString()!, out var parsed))
        {
            return parsed;
        }

        problems.Add(field.Path, $"'{field.Value}' is not a size of zero or more (e.g. \"50MB\", \"2GB\", 1048576)");
        return null;
    }

    private static int? Whole(Dictionary<string, Field> f, string key, int min, int max, Problems problems)
    {
        if (!f.TryGetValue(key, out var field))
        {
            return null;
        }

        if (field.Value.ValueKind == JsonValueKind.Number && field.Value.TryGetInt32(out var n) && n >= min && n <= max)
        {
            return n;
        }

        problems.Add(field.Path, string.Create(CultureInfo.InvariantCulture, $"'{field.Value}' must be a whole number from {min} to {max}"));
        return null;
    }

    private static BusinessCalendar ResolveCalendar(Field? field, Dictionary<string, BusinessCalendar> calendars, Problems problems)
    {
        if (field is not { } f)
        {
            return BusinessCalendar.AlwaysOpen;
        }

        var name = f.Value.ValueKind == JsonValueKind.String ? f.Value.GetString()! : "";
        if (calendars.TryGetValue(name, out var calendar))
        {
            return calendar;
        }

        problems.Add(f.Path, $"unknown calendar '{name}' (known: {string.Join(", ", calendars.Keys)})");
        return BusinessCalendar.AlwaysOpen;
    }

    private static HashSet<DateOnly> Dates(JsonElement element, string key, string at, Problems problems)
    {
        var dates = new HashSet<DateOnly>();
        foreach (var (value, path) in Strings(element, key, at, problems))
        {
            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                dates.Add(date);
            }
            else
            {
                problems.Add(path, $"'{value}' is not a date (yyyy-MM-dd)");
            }
        }

        return dates;
    }

    private static IEnumerable<(string Value, string Path)> Strings(JsonElement element, string key, string at, Problems problems)
    {
        if (!element.TryGetProperty(key, out var list))
        {
            yield break;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{at}.{key}", "must be a list");
            yield break;
        }

        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = $"{at}.{key}[{i++}]";
            if (item.ValueKind == JsonValueKind.String)
            {
                yield return (item.GetString()!, path);
            }
            else
            {
                problems.Add(path, "must be a string");
            }
        }
    }

    private static Field? OptionalField(JsonElement element, string key, string at) =>
        element.TryGetProperty(key, out var value) ? new Field(value, $"{at}.{key}") : null;

    private static string? String(JsonElement element, string key, string at, Problems problems, bool required)
    {
        if (!element.TryGetProperty(key, out var value))
        {
            if (required)
            {
                problems.Add($"{at}.{key}", "required");
            }

            return null;
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0)
        {
            return value.GetString();
        }

        problems.Add($"{at}.{key}", "must be a non-empty string");
        return null;
    }

    private static bool? Boolean(JsonElement element, string key, string at, Problems problems)
    {
        if (!element.TryGetProperty(key, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        problems.Add($"{at}.{key}", "must be true or false");
        return null;
    }

    private static void CheckKeys(JsonElement element, string[] allowed, string prefix, Problems problems)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                problems.Add(prefix + property.Name, $"unknown key; valid keys here: {string.Join(", ", allowed)}");
            }
        }
    }
}
