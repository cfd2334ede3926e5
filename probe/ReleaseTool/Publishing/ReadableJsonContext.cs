using System.Text.Json;
using System.Text.Json.Serialization;

namespace MonitoramentoBKP.ReleaseTool.Publishing;

/// <summary>Writes a collector's JSON answer indented, for the operator reading it.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class ReadableJsonContext : JsonSerializerContext;
