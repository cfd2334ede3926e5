using System.Text.Json.Serialization;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Probe.Update;

/// <summary>Source-generated (trim- and AOT-safe) JSON for the update state kept in the state folder.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    RespectNullableAnnotations = true,
    UseStringEnumConverter = true,
    Converters = [typeof(UtcDateTimeConverter)])]
[JsonSerializable(typeof(UpdateJournal))]
[JsonSerializable(typeof(UpdateHistory))]
[JsonSerializable(typeof(KeyListSeen))]
[JsonSerializable(typeof(Contracts.Releases.UpdateReport))]
internal sealed partial class UpdateJsonContext : JsonSerializerContext;
