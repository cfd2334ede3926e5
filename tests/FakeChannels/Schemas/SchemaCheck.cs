using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace MonitoramentoBKP.FakeChannels.Schemas;

/// <summary>
/// Validates JSON against the schemas the fakes hold the requests to: Microsoft's Adaptive Card 1.5 schema and
/// the generic webhook's own shapes. Each schema is built once (a schema registers its id globally).
/// </summary>
public static class SchemaCheck
{
    private static readonly Lazy<JsonSchema> AdaptiveCardSchema = new(() => Load("adaptive-card-1.5.schema.json"));
    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> WebhookSchemas = new(() => new Dictionary<string, JsonSchema>(StringComparer.Ordinal)
    {
        ["monitoramentobkp.alert/v1"] = Load("alert.v1.schema.json"),
        ["monitoramentobkp.digest/v1"] = Load("digest.v1.schema.json"),
        ["monitoramentobkp.summary/v1"] = Load("summary.v1.schema.json"),
    });

    /// <summary>Every way <paramref name="card"/> breaks the Adaptive Card 1.5 schema; empty when it is valid.</summary>
    public static IReadOnlyList<string> AdaptiveCardErrors(JsonNode card) => Errors(AdaptiveCardSchema.Value, card);

    /// <summary>Every way a webhook body breaks the schema its "schema" property names; an unknown name is one error.</summary>
    public static IReadOnlyList<string> WebhookErrors(JsonNode body)
    {
        var name = body["schema"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        return name is not null && WebhookSchemas.Value.TryGetValue(name, out var schema)
            ? Errors(schema, body)
            : [$"$.schema: \"{name}\" is none of {string.Join(", ", WebhookSchemas.Value.Keys)}"];
    }

    private static IReadOnlyList<string> Errors(JsonSchema schema, JsonNode instance)
    {
        using var document = JsonDocument.Parse(instance.ToJsonString());
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? [])
            .Where(d => !d.IsValid && d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("the document does not match the schema")
            .Distinct()
            .ToList();
    }

    private static JsonSchema Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Schema {name} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    }
}
