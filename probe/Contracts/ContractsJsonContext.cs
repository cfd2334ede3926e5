using System.Text.Json.Serialization;

namespace MonitoramentoBKP.Contracts;

/// <summary>
/// Source-generated (trim- and AOT-safe) JSON metadata for everything that crosses the wire. Reading is strict
/// for every reader of the contract (the collector's ingest, the raw-manifest archive, tests): a property named
/// twice is refused rather than the last one winning, so what a validator or a person reads in the raw
/// manifest is what the collector judged; and null where the contract has a value (a non-nullable property)
/// is refused rather than surfacing later as a fault.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false,
    RespectNullableAnnotations = true,
    Converters = [typeof(UtcDateTimeConverter)])]
[JsonSerializable(typeof(Manifest))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
