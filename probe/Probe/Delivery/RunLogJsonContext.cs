using System.Text.Json.Serialization;

namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>Source-generated JSON for <see cref="RunLog"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunRecord))]
internal sealed partial class RunLogJsonContext : JsonSerializerContext;
