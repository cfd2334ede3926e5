namespace MonitoramentoBKP.Infra.Tests.Support;

/// <summary>
/// Reads the object Bicep compiles into an ARM expression when its values are known only at deployment:
/// <c>[union(createObject('A', 'x', 'B', parameters('b')), parameters('extra'))]</c> gives A → <c>'x'</c>, B →
/// <c>parameters('b')</c>, each value as the expression text it is.
/// </summary>
public static class ArmObject
{
    public static IReadOnlyDictionary<string, string> CreateObject(string expression)
    {
        var start = expression.IndexOf("createObject(", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no createObject in {expression}");
        var arguments = Arguments(expression, start + "createObject(".Length);
        Assert.True(arguments.Count % 2 == 0, $"createObject with {arguments.Count} arguments");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Count; i += 2)
        {
            var key = arguments[i];
            Assert.True(key.StartsWith('\'') && key.EndsWith('\''), $"a key that is not a literal: {key}");
            result.Add(key[1..^1], arguments[i + 1]);
        }

        return result;
    }

    /// <summary>A string literal's text, or null when the expression is not one literal.</summary>
    public static string? Literal(string value) =>
        value.Length >= 2 && value[0] == '\'' && value[^1] == '\'' && !value[1..^1].Replace("''", "", StringComparison.Ordinal).Contains('\'', StringComparison.Ordinal)
            ? value[1..^1].Replace("''", "'", StringComparison.Ordinal)
            : null;

    /// <summary>The comma-separated arguments of the call whose argument list starts at <paramref name="from"/>, up to its closing parenthesis.</summary>
    private static List<string> Arguments(string text, int from)
    {
        var arguments = new List<string>();
        var (depth, inString, argumentStart) = (0, false, from);
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                {
                    i++;
                }
                else if (c == '\'')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '\'':
                    inString = true;
                    break;
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']' when depth > 0:
                    depth--;
                    break;
                case ')':
                    arguments.Add(text[argumentStart..i].Trim());
                    return arguments;
                case ',' when depth == 0:
                    arguments.Add(text[argumentStart..i].Trim());
                    argumentStart = i + 1;
                    break;
            }
        }

        throw new InvalidOperationException($"unbalanced expression: {text}");
    }
}
