using System.Globalization;

namespace MonitoramentoBKP.Contracts;

/// <summary>
/// One value that cannot be used: where (a JSON path, or the name of an environment variable or option), what kind
/// of problem, the value as written (when showing it helps) and the limits it broke. <see cref="Message"/> is the
/// English wording; the probe words the same problem in Portuguese too.
/// </summary>
public sealed record ValueProblem(string Path, ValueProblemKind Kind)
{
    /// <summary>The value as written (raw JSON text for non-strings); null when it is absent or not worth echoing.</summary>
    public string? Value { get; init; }

    /// <summary>Inclusive bounds of a whole number.</summary>
    public long Min { get; init; }

    public long Max { get; init; }

    /// <summary>The longest duration accepted.</summary>
    public TimeSpan MaxDuration { get; init; }

    /// <summary>What a choice is called ("weekday", "language"), for <see cref="ValueProblemKind.NotOneOf"/>.</summary>
    public string? Noun { get; init; }

    /// <summary>The accepted choices as shown, or the valid keys for <see cref="ValueProblemKind.UnknownKey"/>.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>
    /// <see cref="Value"/> fit for a one-line message: control characters escaped as in JSON ("F001\n"), long
    /// values cut.
    /// </summary>
    public string? ShownValue => Value is null ? null : Escape(Value.Length <= 80 ? Value : Value[..80] + "…");

    public string Message => Kind switch
    {
        ValueProblemKind.Required => "is required",
        ValueProblemKind.UnknownKey => $"unknown key; valid keys here: {string.Join(", ", Choices)}",
        ValueProblemKind.NotObject => "must be an object",
        ValueProblemKind.NotList => "must be a list",
        ValueProblemKind.NotString => "must be a string",
        ValueProblemKind.Empty => "must not be empty",
        ValueProblemKind.NotBoolean => "must be true or false",
        ValueProblemKind.NotWholeNumber => string.Create(CultureInfo.InvariantCulture, $"'{ShownValue}' must be a whole number from {Min} to {Max}"),
        ValueProblemKind.NotSize => $"'{ShownValue}' is not a size of zero or more (e.g. \"50MB\", \"2GB\", 1048576)",
        ValueProblemKind.NotDuration => $"'{ShownValue}' is not a duration (e.g. \"2h\", \"90m\", \"1h30m\", \"1d\")",
        ValueProblemKind.DurationTooLong => $"'{ShownValue}' is too long (at most {Durations.Describe(MaxDuration)})",
        ValueProblemKind.NotOneOf when Value is null => $"must be a string, {Alternatives(Choices, "or")}",
        ValueProblemKind.NotOneOf => $"'{ShownValue}' is not a {Noun ?? "valid choice"} ({string.Join(", ", Choices)})",
        ValueProblemKind.NotDate => $"'{ShownValue}' is not a date (yyyy-MM-dd)",
        ValueProblemKind.NotId => $"'{ShownValue}' is not a valid id (letters, digits, '.', '_' or '-', up to 64, starting with a letter or digit)",
        _ => Kind.ToString(),
    };

    /// <summary>'a', 'b' or 'c' (with the language's own "or").</summary>
    public static string Alternatives(IReadOnlyList<string> choices, string or) => choices.Count switch
    {
        0 => "",
        1 => $"'{choices[0]}'",
        _ => $"{string.Join(", ", choices.Take(choices.Count - 1).Select(c => $"'{c}'"))} {or} '{choices[^1]}'",
    };

    internal static string Escape(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var escaped = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    public override string ToString() => $"{JsonAt.Show(Path)}: {Message}";
}
