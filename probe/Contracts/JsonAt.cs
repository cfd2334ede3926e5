using System.Text.Json;
using System.Text.RegularExpressions;

namespace MonitoramentoBKP.Contracts;

/// <summary>
/// A JSON value with the JSON path it was read at (<c>templates.loja.sets[0].grace</c>), so every problem found
/// in it names the place to fix. The document's root has the empty path, shown as <c>$</c>.
/// </summary>
public readonly partial record struct JsonAt(JsonElement Value, string Path)
{
    public JsonValueKind Kind => Value.ValueKind;

    /// <summary>The path as shown to people: <c>$</c> for the root.</summary>
    public string Shown => Show(Path);

    /// <summary>The member <paramref name="name"/> of this object, or null when it is absent (or this is not an object).</summary>
    public JsonAt? Member(string name) =>
        Value.ValueKind == JsonValueKind.Object && Value.TryGetProperty(name, out var member) ? new JsonAt(member, Child(Path, name)) : null;

    /// <summary>The path of a member of this value, whether or not it exists (for "is required").</summary>
    public string PathOf(string name) => Child(Path, name);

    public static string Show(string path) => path.Length == 0 ? "$" : path;

    /// <summary><c>a.b</c> for plain names; <c>a['x y']</c> for names that would read ambiguously after a dot.</summary>
    public static string Child(string path, string name) =>
        PlainName().IsMatch(name)
            ? path.Length == 0 ? name : $"{path}.{name}"
            : $"{path}['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Item(string path, int index) => $"{Show(path)}[{index}]";

    [GeneratedRegex(@"\A[A-Za-z0-9_$][A-Za-z0-9_$-]*\z")]
    private static partial Regex PlainName();
}
