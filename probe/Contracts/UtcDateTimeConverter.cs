using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MonitoramentoBKP.Contracts;

/// <summary>
/// Writes every timestamp as ISO 8601 UTC with a trailing 'Z' whatever its Kind, and refuses timestamps
/// without an explicit offset on read, so a local time can never be taken for UTC on either side.
/// </summary>
public sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null || !(text.EndsWith('Z') || HasOffset(text)))
        {
            throw new JsonException($"'{text}' is not an ISO 8601 UTC timestamp (expected e.g. 2026-11-30T14:05:00Z).");
        }

        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).UtcDateTime;
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
        writer.WriteStringValue(utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
    }

    private static bool HasOffset(string text)
    {
        var t = text.LastIndexOf('T');
        return t > 0 && (text.IndexOf('+', t) > 0 || text.IndexOf('-', t) > 0);
    }
}
