using System.Text.Json;
using System.Text.Json.Serialization;

namespace MonitoramentoBKP.Contracts;

/// <summary>Enums travel as camelCase strings ("notArchive"), readable in raw manifests and stable across reorderings.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
