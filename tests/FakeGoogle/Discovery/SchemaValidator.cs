using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MonitoramentoBKP.FakeGoogle.Discovery;

/// <summary>
/// Checks a JSON body against a discovery schema the way Google's proto3 JSON binding does (unknown names, wrong
/// JSON types, integers out of range, enum values outside the list, maps), and hands back the body in canonical
/// form: lowerCamel names, nulls dropped, integers as numbers, enums as their names. Handlers read only that form.
/// </summary>
internal sealed class SchemaValidator(DiscoveryDocument discovery)
{
    public JsonObject Validate(JsonNode? body, string schemaId)
    {
        if (body is null)
        {
            return [];
        }
        return Message(body, schemaId, string.Empty);
    }

    private JsonObject Message(JsonNode node, string schemaId, string path)
    {
        if (node is not JsonObject json)
        {
            throw Invalid(path, $"type.googleapis.com/google.apps.sheets.v4.{schemaId}", node);
        }
        var schema = discovery.Schema(schemaId);
        return ObjectWith(json, schema, path);
    }

    private JsonObject ObjectWith(JsonObject json, JsonObject schema, string path)
    {
        var properties = schema["properties"] as JsonObject ?? [];
        var map = schema["additionalProperties"] as JsonObject;
        var canonical = new JsonObject();
        foreach (var (given, value) in json)
        {
            if (map is not null && properties.Count == 0)
            {
                // A map: any key, each value of the declared schema.
                var item = Value(value, map, $"{path}[{given}]");
                if (item is not null)
                {
                    canonical[given] = item;
                }
                continue;
            }
            var name = ProtoNames.Resolve(given, properties.Select(p => p.Key))
                ?? throw FakeApiError.InvalidArgument(
                    path.Length == 0
                        ? $"Invalid JSON payload received. Unknown name \"{given}\": Cannot find field."
                        : $"Invalid JSON payload received. Unknown name \"{given}\" at '{path}': Cannot find field.",
                    path.Length == 0 ? given : path);
            var checkedValue = Value(value, properties[name]!.AsObject(), ProtoNames.Join(path, name));
            if (checkedValue is not null)
            {
                canonical[name] = checkedValue;
            }
        }
        return canonical;
    }

    private JsonNode? Value(JsonNode? node, JsonObject schema, string path)
    {
        if (node is null)
        {
            // proto3 JSON: null means "not set".
            return null;
        }
        if (schema["$ref"] is JsonValue reference)
        {
            return Message(node, reference.GetValue<string>(), path);
        }
        var type = schema["type"]?.GetValue<string>();
        return type switch
        {
            "any" => node.DeepClone(),
            "array" => Array(node, schema["items"]!.AsObject(), path),
            "object" => node is JsonObject json ? ObjectWith(json, schema, path) : throw Invalid(path, "TYPE_MESSAGE", node),
            "boolean" => Kind(node) is JsonValueKind.True or JsonValueKind.False ? node.DeepClone() : throw Invalid(path, "TYPE_BOOL", node),
            "integer" => Integer(node, schema["format"]?.GetValue<string>() ?? "int32", path),
            "number" => Number(node, schema["format"]?.GetValue<string>() ?? "double", path),
            "string" when schema["enum"] is JsonArray values => Enum(node, [.. values.Select(v => v!.GetValue<string>())], path),
            "string" => Kind(node) == JsonValueKind.String ? node.DeepClone() : throw Invalid(path, "TYPE_STRING", node),
            _ => throw new InvalidOperationException($"The discovery document has a type the fake does not know: {type}."),
        };
    }

    private JsonArray Array(JsonNode node, JsonObject items, string path)
    {
        if (node is not JsonArray array)
        {
            throw FakeApiError.InvalidArgument(
                $"Invalid JSON payload received. Proto field '{path}' is repeated: expected a list, got {node.ToJsonString()}.", path);
        }
        var canonical = new JsonArray();
        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (array[i] is null && items["type"]?.GetValue<string>() != "any")
            {
                throw FakeApiError.InvalidArgument($"Invalid value at '{itemPath}': a repeated field cannot hold null.", itemPath);
            }
            canonical.Add(Value(array[i], items, itemPath));
        }
        return canonical;
    }

    private static JsonValue Integer(JsonNode node, string format, string path)
    {
        var typeName = "TYPE_" + format.ToUpperInvariant();
        var text = Kind(node) switch
        {
            JsonValueKind.Number => node.ToJsonString(),
            // proto3 JSON accepts integers written as strings, which is how 64-bit values travel.
            JsonValueKind.String => node.GetValue<string>(),
            _ => throw Invalid(path, typeName, node),
        };
        if (!decimal.TryParse(text, NumberStyles.Integer | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number)
            || number != decimal.Truncate(number))
        {
            throw Invalid(path, typeName, node);
        }
        var (min, max) = format switch
        {
            "int32" => (int.MinValue, (decimal)int.MaxValue),
            "uint32" => (0m, uint.MaxValue),
            "uint64" => (0m, ulong.MaxValue),
            _ => ((decimal)long.MinValue, (decimal)long.MaxValue),
        };
        if (number < min || number > max)
        {
            throw Invalid(path, typeName, node);
        }
        return JsonValue.Create((long)number);
    }

    private static JsonValue Number(JsonNode node, string format, string path)
    {
        var typeName = "TYPE_" + format.ToUpperInvariant();
        switch (Kind(node))
        {
            case JsonValueKind.Number:
                return JsonValue.Create(double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture));
            case JsonValueKind.String:
                var text = node.GetValue<string>();
                if (text is "NaN" or "Infinity" or "-Infinity")
                {
                    return JsonValue.Create(text);
                }
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    return JsonValue.Create(parsed);
                }
                throw Invalid(path, typeName, node);
            default:
                throw Invalid(path, typeName, node);
        }
    }

    private static JsonValue Enum(JsonNode node, IReadOnlyList<string> values, string path)
    {
        var kind = Kind(node);
        if (kind == JsonValueKind.String && values.Contains(node.GetValue<string>()))
        {
            return JsonValue.Create(node.GetValue<string>());
        }
        // proto3 JSON also accepts an enum by its number.
        if (kind == JsonValueKind.Number && int.TryParse(node.ToJsonString(), CultureInfo.InvariantCulture, out var index)
            && index >= 0 && index < values.Count)
        {
            return JsonValue.Create(values[index]);
        }
        throw Invalid(path, "TYPE_ENUM", node);
    }

    private static JsonValueKind Kind(JsonNode node) => node.GetValueKind();

    private static FakeApiError Invalid(string path, string type, JsonNode node) =>
        FakeApiError.InvalidArgument(
            path.Length == 0
                ? $"Invalid JSON payload received. Expected an object ({type}), got {node.ToJsonString()}."
                : $"Invalid value at '{path}' ({type}), {node.ToJsonString()}",
            path);
}
