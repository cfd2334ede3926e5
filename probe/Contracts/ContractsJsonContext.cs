using System.Text.Json.Serialization;

namespace MonitoramentoBKP.Contracts;

/// <summary>Source-generated (trim- and AOT-safe) JSON metadata for everything that crosses the wire.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(UtcDateTimeConverter)])]
[JsonSerializable(typeof(Manifest))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
