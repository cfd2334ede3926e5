using System.Text.Json.Nodes;

namespace MonitoramentoBKP.FakeGoogle.Discovery;

/// <summary>
/// What the discovery document says of each BooleanCondition type: whether conditional formatting supports it
/// ("Supported by data validation, conditional formatting and filters") and how many ConditionValues it requires.
/// </summary>
internal sealed class ConditionTypes
{
    private readonly Dictionary<string, string> descriptions;

    public ConditionTypes(DiscoveryDocument discovery)
    {
        var type = discovery.Schema("BooleanCondition")["properties"]!["type"]!;
        var names = type["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var texts = type["enumDescriptions"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        descriptions = names.Zip(texts).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }

    /// <summary>Why a conditional format rule with this condition would be refused, or null when it is fine.</summary>
    public string? ProblemInConditionalFormat(string type, JsonArray values)
    {
        if (!descriptions.TryGetValue(type, out var description) || type == "CONDITION_TYPE_UNSPECIFIED")
        {
            return "the rule's condition needs a type.";
        }
        if (!description.Contains("conditional formatting", StringComparison.Ordinal))
        {
            return $"the condition type {type} is not supported by conditional formatting.";
        }
        var count = values.Count;
        var problem = description switch
        {
            _ when description.Contains("Requires no ConditionValues", StringComparison.Ordinal) && count != 0 => "requires no ConditionValues",
            _ when description.Contains("Requires a single ConditionValue", StringComparison.Ordinal) && count != 1 => "requires a single ConditionValue",
            _ when description.Contains("Requires exactly two ConditionValues", StringComparison.Ordinal) && count != 2 => "requires exactly two ConditionValues",
            _ when description.Contains("Requires at least one ConditionValue", StringComparison.Ordinal) && count == 0 => "requires at least one ConditionValue",
            _ => null,
        };
        return problem is null ? null : $"the condition type {type} {problem}, but {count} were given.";
    }
}
