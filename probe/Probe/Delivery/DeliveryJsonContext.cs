using System.Text.Json.Serialization;

namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>Source-generated (trim- and AOT-safe) JSON metadata for what the collector answers.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ProblemDetails))]
public sealed partial class DeliveryJsonContext : JsonSerializerContext;
