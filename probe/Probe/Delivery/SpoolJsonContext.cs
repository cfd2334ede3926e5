using System.Text.Json.Serialization;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Probe.Delivery;

/// <summary>Source-generated (trim- and AOT-safe) JSON metadata for the spool's drop record.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    RespectNullableAnnotations = true,
    Converters = [typeof(UtcDateTimeConverter)])]
[JsonSerializable(typeof(SpoolDropRecord))]
public sealed partial class SpoolJsonContext : JsonSerializerContext;
