using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MonitoramentoBKP.Contracts;

/// <summary>
/// The one way configuration values are read, by the collector's branch registry and the probe's probe.json (and,
/// through the <c>...Text</c> methods, its BKP_* variables and options): each value is read at its JSON path, and a
/// wrong type, an empty text, a number out of range, an overflowing size or duration, or a choice that is not one
/// of the accepted words is reported to <c>report</c> as a <see cref="ValueProblem"/> at that path. A method that
/// found a problem returns null; the registry collects every problem, the probe stops at the first one.
/// </summary>
public sealed partial class JsonValueReader(Action<ValueProblem> report)
{
    /// <summary>Ids of branches and backup sets: what is safe in a storage key, a file name and a sheet cell.</summary>
    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z")]
    public static partial Regex IdPattern();

    public void Report(ValueProblem problem) => report(problem);

    public void Report(string path, ValueProblemKind kind) => report(new ValueProblem(path, kind));

    /// <summary>The value when it is an object; otherwise reports it.</summary>
    public JsonAt? Object(JsonAt? at)
    {
        if (at is not { } v)
        {
            return null;
        }

        if (v.Kind == JsonValueKind.Object)
        {
            return v;
        }

        Report(v.Path, ValueProblemKind.NotObject);
        return null;
    }

    /// <summary>A member that must be there: reported at its own path ("sets[0].root: is required") when absent.</summary>
    public JsonAt? Required(JsonAt parent, string name)
    {
        if (parent.Member(name) is { } member)
        {
            return member;
        }

        Report(parent.PathOf(name), ValueProblemKind.Required);
        return null;
    }

    /// <summary>Reports every member of <paramref name="at"/> whose name is not one of <paramref name="allowed"/>.</summary>
    public void OnlyKeys(JsonAt at, IReadOnlyList<string> allowed)
    {
        if (at.Kind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var member in at.Value.EnumerateObject())
        {
            if (!allowed.Contains(member.Name, StringComparer.Ordinal))
            {
                report(new ValueProblem(at.PathOf(member.Name), ValueProblemKind.UnknownKey) { Choices = allowed });
            }
        }
    }

    /// <summary>The members of an object, each with its path.</summary>
    public IReadOnlyList<(string Name, JsonAt Value)> Members(JsonAt? at) =>
        Object(at) is { } o ? o.Value.EnumerateObject().Select(m => (m.Name, new JsonAt(m.Value, o.PathOf(m.Name)))).ToList() : [];

    /// <summary>The items of a list, each with its path; a value that is not a list is reported and reads as empty.</summary>
    public IReadOnlyList<JsonAt> List(JsonAt? at)
    {
        if (at is not { } v)
        {
            return [];
        }

        if (v.Kind != JsonValueKind.Array)
        {
            Report(v.Path, ValueProblemKind.NotList);
            return [];
        }

        return v.Value.EnumerateArray().Select((item, i) => new JsonAt(item, JsonAt.Item(v.Path, i))).ToList();
    }

    /// <summary>A text; an empty (or blank) one is refused unless <paramref name="allowEmpty"/>.</summary>
    public string? String(JsonAt? at, bool allowEmpty = false)
    {
        if (at is not { } v)
        {
            return null;
        }

        if (v.Kind != JsonValueKind.String)
        {
            Report(v.Path, ValueProblemKind.NotString);
            return null;
        }

        var text = v.Value.GetString()!;
        return allowEmpty ? text : Text(text, v.Path);
    }

    /// <summary>A text from the environment or the command line: refused when empty or blank.</summary>
    public string? Text(string? text, string path)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Trim().Length == 0)
        {
            Report(path, ValueProblemKind.Empty);
            return null;
        }

        return text;
    }

    /// <summary>Branch and set ids (<see cref="IdPattern"/>: no trailing newline, no spaces).</summary>
    public string? Id(JsonAt? at) => at is { } v && String(v, allowEmpty: true) is { } id ? IdText(id, v.Path) : null;

    public string? IdText(string? text, string path)
    {
        if (text is null)
        {
            return null;
        }

        if (IdPattern().IsMatch(text))
        {
            return text;
        }

        report(new ValueProblem(path, ValueProblemKind.NotId) { Value = text });
        return null;
    }

    public bool? Boolean(JsonAt? at)
    {
        if (at is not { } v)
        {
            return null;
        }

        if (v.Kind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.Value.GetBoolean();
        }

        Report(v.Path, ValueProblemKind.NotBoolean);
        return null;
    }

    /// <summary>A whole JSON number from <paramref name="min"/> to <paramref name="max"/> (not "5", not 2.5, not 1e100).</summary>
    public int? Whole(JsonAt? at, int min, int max)
    {
        if (at is not { } v)
        {
            return null;
        }

        if (v.Kind == JsonValueKind.Number && v.Value.TryGetInt32(out var n) && n >= min && n <= max)
        {
            return n;
        }

        report(new ValueProblem(v.Path, ValueProblemKind.NotWholeNumber) { Value = Raw(v), Min = min, Max = max });
        return null;
    }

    /// <summary>A whole number written as text (an environment variable, an option): digits only.</summary>
    public int? WholeText(string? text, string path, int min, int max)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        report(new ValueProblem(path, ValueProblemKind.NotWholeNumber) { Value = text, Min = min, Max = max });
        return null;
    }

    /// <summary>Bytes: a whole JSON number of zero or more, or a text such as "50MB", "2GB", "1.5GiB" that fits in 63 bits.</summary>
    public long? Size(JsonAt? at)
    {
        if (at is not { } v)
        {
            return null;
        }

        if (v.Kind == JsonValueKind.Number && v.Value.TryGetInt64(out var n) && n >= 0)
        {
            return n;
        }

        return v.Kind == JsonValueKind.String ? SizeText(v.Value.GetString()!, v.Path) : NotSize(v.Path, Raw(v));
    }

    public long? SizeText(string? text, string path)
    {
        if (text is null)
        {
            return null;
        }

        // ByteSize accepts exactly what people write; the sign check guards a conversion at the edge of long.
        return ByteSize.TryParse(text, out var bytes) && bytes >= 0 && bytes < long.MaxValue ? bytes : NotSize(path, text);
    }

    /// <summary>A duration text of at most <paramref name="max"/>; anything longer, however many digits, is "too long", never an overflow.</summary>
    public TimeSpan? Duration(JsonAt? at, TimeSpan max)
    {
        if (at is not { } v)
        {
            return null;
        }

        if (v.Kind != JsonValueKind.String)
        {
            report(new ValueProblem(v.Path, ValueProblemKind.NotDuration) { Value = Raw(v) });
            return null;
        }

        var text = v.Value.GetString()!;
        if (Durations.TryParse(text, max, out var duration) is { } problem)
        {
            report(new ValueProblem(v.Path, problem) { Value = text, MaxDuration = max });
            return null;
        }

        return duration;
    }

    /// <summary>
    /// One of a fixed set of words, matched whole and ignoring case: no numbers, no comma lists ("monday, tuesday"),
    /// nothing <see cref="Enum.TryParse(Type, string?, bool, out object?)"/> would let through.
    /// </summary>
    public T? OneOf<T>(JsonAt? at, string noun, IReadOnlyDictionary<string, T> accepted, IReadOnlyList<string> shown)
        where T : struct
    {
        if (at is not { } v)
        {
            return null;
        }

        if (v.Kind != JsonValueKind.String)
        {
            report(new ValueProblem(v.Path, ValueProblemKind.NotOneOf) { Noun = noun, Choices = shown });
            return null;
        }

        return OneOfText(v.Value.GetString(), v.Path, noun, accepted, shown);
    }

    public T? OneOfText<T>(string? text, string path, string noun, IReadOnlyDictionary<string, T> accepted, IReadOnlyList<string> shown)
        where T : struct
    {
        if (text is null)
        {
            return null;
        }

        foreach (var (word, value) in accepted)
        {
            if (string.Equals(word, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        report(new ValueProblem(path, ValueProblemKind.NotOneOf) { Value = text, Noun = noun, Choices = shown });
        return null;
    }

    /// <summary>A calendar day written yyyy-MM-dd.</summary>
    public DateOnly? Date(JsonAt? at)
    {
        if (at is not { } v || String(v, allowEmpty: true) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        report(new ValueProblem(v.Path, ValueProblemKind.NotDate) { Value = text });
        return null;
    }

    /// <summary>A list of texts (each item reported at its own path when it is not one).</summary>
    public IReadOnlyList<(string Text, string Path)> Strings(JsonAt? at, bool allowEmpty = false)
    {
        var texts = new List<(string, string)>();
        foreach (var item in List(at))
        {
            if (String(item, allowEmpty) is { } text)
            {
                texts.Add((text, item.Path));
            }
        }

        return texts;
    }

    private long? NotSize(string path, string value)
    {
        report(new ValueProblem(path, ValueProblemKind.NotSize) { Value = value });
        return null;
    }

    /// <summary>The value as written, for messages (<see cref="ValueProblem.ShownValue"/> makes it one short line).</summary>
    private static string Raw(JsonAt at) => at.Kind == JsonValueKind.String ? at.Value.GetString()! : at.Value.GetRawText();
}
