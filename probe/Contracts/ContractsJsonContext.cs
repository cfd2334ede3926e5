using System.Text.Json.Serialization;

namespace MonitoramentoBKP.Contracts;

/// <summary>
/// Source-generated (trim- and AOT-safe) JSON metadata for everything that crosses the wire: the manifest, and the
/// enrollment and policy documents of the probe's other routes, and the signed release and key documents. Reading is strict
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
[JsonSerializable(typeof(EnrollRequest))]
[JsonSerializable(typeof(EnrollResponse))]
[JsonSerializable(typeof(ProbePolicy))]
[JsonSerializable(typeof(Releases.ReleaseDocument))]
[JsonSerializable(typeof(Releases.TrustedKeysDocument))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;
