using System.Text.Json.Nodes;
using MonitoramentoBKP.FakeGoogle.Discovery;

namespace MonitoramentoBKP.FakeGoogle.Model;

/// <summary>
/// A google-fieldmask ("gridProperties.frozenRowCount,title", "userEnteredFormat(textFormat,numberFormat)", "*"),
/// checked against the schema it masks and applied the way Google applies it: a masked field takes the request's
/// value, or is cleared when the request leaves it out.
/// </summary>
internal sealed class FieldMask
{
    private FieldMask(string text, IReadOnlyList<string[]> paths)
    {
        Text = text;
        Paths = paths;
    }

    public string Text { get; }

    /// <summary>Each masked path as lowerCamel segments; a single "*" masks everything.</summary>
    public IReadOnlyList<string[]> Paths { get; }

    public bool IsEverything => Paths.Any(p => p is ["*"]);

    /// <summary>Parses and checks the mask; the error message is what follows "Invalid requests[i].kind: ".</summary>
    public static FieldMask Parse(string? text, DiscoveryDocument discovery, string schemaId)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("'fields' is required: at least one field must be specified.");
        }
        var paths = new List<string[]>();
        var position = 0;
        ParseList(text, ref position, [], paths);
        if (position != text.Length)
        {
            throw new FormatException($"Invalid field mask \"{text}\".");
        }
        var resolved = paths.Select(p => p is ["*"] ? p : Resolve(p, discovery, schemaId, text)).ToList();
        return new FieldMask(text, resolved);
    }

    public bool Covers(params string[] path) =>
        IsEverything || Paths.Any(p => p.Length <= path.Length && p.SequenceEqual(path.Take(p.Length)));

    /// <summary>Copies every masked field from <paramref name="source"/> into <paramref name="target"/>.</summary>
    public void Apply(JsonObject source, JsonObject target)
    {
        if (IsEverything)
        {
            target.Clear();
            foreach (var (name, value) in source)
            {
                target[name] = value?.DeepClone();
            }
            return;
        }
        foreach (var path in Paths)
        {
            var from = Find(source, path);
            var parent = target;
            for (var i = 0; i < path.Length - 1; i++)
            {
                if (parent[path[i]] is not JsonObject child)
                {
                    child = [];
                    parent[path[i]] = child;
                }
                parent = child;
            }
            if (from is null)
            {
                parent.Remove(path[^1]);
            }
            else
            {
                parent[path[^1]] = from.DeepClone();
            }
        }
    }

    private static JsonNode? Find(JsonObject json, string[] path)
    {
        JsonNode? node = json;
        foreach (var segment in path)
        {
            node = node is JsonObject obj ? obj[segment] : null;
        }
        return node;
    }

    private static void ParseList(string text, ref int position, string[] prefix, List<string[]> into)
    {
        while (true)
        {
            var start = position;
            while (position < text.Length && text[position] is not (',' or '(' or ')'))
            {
                position++;
            }
            var segments = text[start..position].Trim().Split('.', StringSplitOptions.TrimEntries);
            if (segments.Any(s => s.Length == 0))
            {
                throw new FormatException($"Invalid field mask \"{text}\".");
            }
            string[] path = [.. prefix, .. segments];
            if (position < text.Length && text[position] == '(')
            {
                position++;
                ParseList(text, ref position, path, into);
                if (position >= text.Length || text[position] != ')')
                {
                    throw new FormatException($"Invalid field mask \"{text}\": unbalanced parentheses.");
                }
                position++;
            }
            else
            {
                into.Add(path);
            }
            if (position < text.Length && text[position] == ',')
            {
                position++;
                continue;
            }
            return;
        }
    }

    private static string[] Resolve(string[] path, DiscoveryDocument discovery, string schemaId, string text)
    {
        var resolved = new string[path.Length];
        var schema = discovery.Schema(schemaId);
        for (var i = 0; i < path.Length; i++)
        {
            var properties = schema?["properties"] as JsonObject;
            var name = properties is null ? null : ProtoNames.Resolve(path[i], properties.Select(p => p.Key));
            if (name is null)
            {
                throw new FormatException($"Invalid field mask \"{text}\": {schemaId} has no field \"{string.Join('.', path)}\".");
            }
            resolved[i] = name;
            var reference = properties![name]!["$ref"]?.GetValue<string>();
            schema = reference is null ? null : discovery.Schema(reference);
        }
        return resolved;
    }
}
