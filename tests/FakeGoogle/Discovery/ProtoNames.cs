using System.Text;

namespace MonitoramentoBKP.FakeGoogle.Discovery;

/// <summary>
/// Google binds JSON and query names by either the lowerCamel JSON name or the proto field name, and names fields
/// in error messages by the proto (snake_case) name; this converts between the two.
/// </summary>
internal static class ProtoNames
{
    public static string Snake(string camel)
    {
        var snake = new StringBuilder(camel.Length + 4);
        foreach (var c in camel)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                snake.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                snake.Append(c);
            }
        }
        return snake.ToString();
    }

    /// <summary>The declared name that <paramref name="given"/> stands for, by JSON name first, then by proto name.</summary>
    public static string? Resolve(string given, IEnumerable<string> declared)
    {
        string? byProtoName = null;
        foreach (var name in declared)
        {
            if (name == given)
            {
                return name;
            }
            if (Snake(name) == given)
            {
                byProtoName = name;
            }
        }
        return byProtoName;
    }

    public static string Join(string path, string camelName) => path.Length == 0 ? Snake(camelName) : $"{path}.{Snake(camelName)}";
}
