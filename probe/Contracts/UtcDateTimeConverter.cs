using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MonitoramentoBKP.Contracts;

/// <summary>
/// Writes every timestamp as ISO 8601 UTC with a trailing 'Z' whatever its Kind, and reads exactly that form
/// (manifest.schema.json's "utc"): 'Z' required, so a local time can never be taken for UTC on either side, at
/// most 7 decimals (DateTime's ticks), and a real calendar moment. Anything else, including dates the runtime's
/// parser would throw on (month 13, or a year-1 time whose offset leaves the calendar), is a JsonException,
/// which the serializer gives the path of.
/// </summary>
public sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private const string Example = "2026-11-30T14:05:00Z";
    private const int MaxEncodedLength = 28 * 6;

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A timestamp must be a string such as {Example}, not {reader.TokenType}.");
        }

        // The longest valid form is 28 characters (168 bytes if every one were \u-escaped): a longer string is
        // refused without being decoded.
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        var text = length <= MaxEncodedLength ? reader.GetString()! : null;
        if (text is null || !TryParse(text, out var value))
        {
            throw new JsonException($"'{Shown(text)}' is not an ISO 8601 UTC timestamp (expected e.g. {Example}: a real date, 'Z', at most 7 decimals).");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
        writer.WriteStringValue(utc.ToString(Format, CultureInfo.InvariantCulture));
    }

    /// <summary>yyyy-MM-ddTHH:mm:ss[.f{1,7}]Z with ASCII digits and a date the calendar has; never throws.</summary>
    public static bool TryParse(string text, out DateTime value)
    {
        value = default;
        var s = text.AsSpan();
        if (s.Length is not (20 or (>= 22 and <= 28)) || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[^1] != 'Z'
            || !Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute) || !Digits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        var ticks = 0;
        if (s.Length > 20)
        {
            var fraction = s[20..^1];
            if (s[19] != '.' || !Digits(fraction, out ticks))
            {
                return false;
            }

            for (var i = fraction.Length; i < 7; i++)
            {
                ticks *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> digits, out int number)
    {
        number = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            number = (number * 10) + (c - '0');
        }

        return digits.Length > 0;
    }

    /// <summary>The refused text for the message: short, and without control characters.</summary>
    private static string Shown(string? text)
    {
        if (text is null)
        {
            return $"(a string of more than {MaxEncodedLength} bytes)";
        }

        var shown = text.Length > 40 ? text[..40] + "…" : text;
        return string.Create(shown.Length, shown, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
    }
}
