using System.Text.Json;
using Json.Schema;

namespace MonitoramentoBKP.Contracts.Tests;

/// <summary>
/// Validates JSON against the manifest schema and lists every failure, so a failing test says where. The
/// document is parsed as strictly as the collector reads it: a property named twice is a JsonException.
/// </summary>
public static class SchemaValidator
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(ManifestSchema.Text);

    public static IReadOnlyList<string> Errors(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        var result = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        // Keywords such as "not" fail without a message of their own; name them by where they sit in the schema.
        return (result.Details ?? [])
            .Where(d => !d.IsValid)
            .SelectMany(d => d.Errors is { Count: > 0 }
                ? d.Errors.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")
                : [$"{d.InstanceLocation}: {d.EvaluationPath}"])
            .ToList();
    }
}
