using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MonitoramentoBKP.FakeGoogle;

/// <summary>
/// Reads fields of a request body that the discovery validator already checked, so a handler only meets the types
/// the schema allows (integers may be JSON numbers or, as proto3 JSON permits, strings).
/// </summary>
internal static class JsonRead
{
    public static int? OptionalInt(this JsonObject json, string name) =>
        json[name] is JsonValue value ? checked((int)ToLong(value)) : null;

    public static int Int(this JsonObject json, string name, int fallback = 0) => json.OptionalInt(name) ?? fallback;

    public static string? OptionalString(this JsonObject json, string name) =>
        json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static bool? OptionalBool(this JsonObject json, string name) =>
        json[name] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : null;

    public static double? OptionalDouble(this JsonObject json, string name) =>
        json[name] is JsonValue value ? ToDouble(value) : null;

    public static JsonObject? OptionalObject(this JsonObject json, string name) => json[name] as JsonObject;

    public static JsonArray Array(this JsonObject json, string name) => json[name] as JsonArray ?? [];

    public static long ToLong(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.String
            ? long.Parse(value.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture)
            : (long)decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    public static double ToDouble(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.String
            ? double.Parse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
