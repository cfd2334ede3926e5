using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Tests.Properties;

/// <summary>
/// Finds every property of a compact manifest JSON text with its byte span, and whether the contract requires it
/// (C# <c>required</c>) or lets it be null, read from the contract types themselves so the mutations follow the
/// contract as it changes. The edits below work on the bytes, so they can say what a JSON object model cannot: a
/// property twice, a raw control character, a value cut short.
/// </summary>
public static class JsonMembers
{
    public static IReadOnlyList<JsonMember> Of(byte[] json)
    {
        var members = new List<JsonMember>();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        ReadObject(ref reader, typeof(Manifest), "", members);
        return members;
    }

    public static byte[] Delete(byte[] json, JsonMember m)
    {
        var (from, to) = json[m.ValueEnd] == (byte)',' ? (m.NameStart, m.ValueEnd + 1) : json[m.NameStart - 1] == (byte)',' ? (m.NameStart - 1, m.ValueEnd) : (m.NameStart, m.ValueEnd);
        return [.. json.AsSpan(0, from), .. json.AsSpan(to)];
    }

    /// <summary>The property written a second time right after the first, with <paramref name="value"/> (JSON text).</summary>
    public static byte[] Duplicate(byte[] json, JsonMember m, string value) =>
        [.. json.AsSpan(0, m.ValueEnd), .. Encoding.UTF8.GetBytes($",{JsonSerializer.Serialize(m.Name)}:{value}"), .. json.AsSpan(m.ValueEnd)];

    public static byte[] Replace(byte[] json, JsonMember m, string value) => Replace(json, m, Encoding.UTF8.GetBytes(value));

    public static byte[] Replace(byte[] json, JsonMember m, byte[] value) => [.. json.AsSpan(0, m.ValueStart), .. value, .. json.AsSpan(m.ValueEnd)];

    public static byte[] Insert(byte[] json, int at, ReadOnlySpan<byte> bytes) => [.. json.AsSpan(0, at), .. bytes, .. json.AsSpan(at)];

    /// <summary>The JSON text of the member's value.</summary>
    public static string Value(byte[] json, JsonMember m) => Encoding.UTF8.GetString(json, m.ValueStart, m.ValueEnd - m.ValueStart);

    private static void ReadObject(ref Utf8JsonReader reader, Type type, string at, List<JsonMember> members)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var nameStart = (int)reader.TokenStartIndex;
            var name = reader.GetString()!;
            var property = type.GetProperties().Single(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == name);
            var pointer = $"{at}/{name}";
            reader.Read();
            var valueStart = (int)reader.TokenStartIndex;
            var kind = reader.TokenType;
            var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (kind == JsonTokenType.StartObject)
            {
                ReadObject(ref reader, valueType, pointer, members);
            }
            else if (kind == JsonTokenType.StartArray)
            {
                ReadArray(ref reader, valueType.GetGenericArguments().Single(), pointer, members);
            }

            var required = property.GetCustomAttribute<RequiredMemberAttribute>() is not null;
            var nullable = new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable;
            members.Add(new JsonMember(pointer, name, nameStart, valueStart, (int)reader.BytesConsumed, kind, required, nullable));
        }
    }

    private static void ReadArray(ref Utf8JsonReader reader, Type element, string at, List<JsonMember> members)
    {
        for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                ReadObject(ref reader, element, $"{at}/{i}", members);
            }
            else
            {
                reader.Skip();
            }
        }
    }
}
