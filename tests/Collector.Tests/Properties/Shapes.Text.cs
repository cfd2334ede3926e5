using System.Text;
using System.Text.Json;
using CsCheck;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;
using static MonitoramentoBKP.Collector.Tests.Properties.ManifestGen;

namespace MonitoramentoBKP.Collector.Tests.Properties;

/// <summary>Valid manifests mutated at the JSON text level: a property twice, deleted, unknown, of another type, bytes that are not JSON or not UTF-8.</summary>
public static partial class Shapes
{
    /// <summary>A <see cref="Rich"/> manifest's JSON text, and one of its properties picked by the generator.</summary>
    private static Gen<(Manifest Yesterday, Manifest Run, byte[] Json, JsonMember Member)> Member(Func<JsonMember, bool>? which = null) =>
        from yesterday in Yesterday
        from run in Rich(Now)
        let json = Manifests.Json(run)
        let members = JsonMembers.Of(json).Where(which ?? (_ => true)).ToList()
        from index in Gen.Int[0, members.Count - 1]
        select (yesterday, run, json, members[index]);

    private static IngestCase TextCase(string summary, Manifest yesterday, byte[] json, Expected expected) =>
        Case(summary, yesterday, Upload.Of(json, "F001", Stamp(Now), Now), expected);

    private static bool IsDate(JsonMember m) => m.Name is "startedUtc" or "finishedUtc" or "lastWriteUtc" or "verifiedUtc";

    private static Gen<IngestCase> ImpossibleDate() =>
        from c in Member(IsDate)
        from text in Gen.OneOf(
            "2026-13-45T00:00:00Z", "2026-02-30T12:00:00Z", "2026-11-30T24:00:01Z", "2026-11-30T14:60:00Z", "2026-11-30T14:05:00+25:00",
            "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "2026-11-30T14:05:00", "2026-11-30", "", "2026-11-30T14:05:00.123456789Z",
            "+002026-11-30T14:05:00Z", "2026-11-30T14:05:00ZZ", "30/11/2026 14:05:00Z")
        select TextCase($"{c.Member.Pointer} = \"{text}\"", c.Yesterday, JsonMembers.Replace(c.Json, c.Member, JsonSerializer.Serialize(text)),
            Expected.Refused(400, "a timestamp is ISO 8601 UTC of a day the calendar has", c.Member.Places));

    private static Gen<IngestCase> PropertyNamedTwice() =>
        from c in Member()
        from same in Gen.Bool
        let value = same ? JsonMembers.Value(c.Json, c.Member) : Other(c.Json, c.Member)
        select TextCase($"{c.Member.Pointer} twice, the second {(same ? "the same" : value)}", c.Yesterday, JsonMembers.Duplicate(c.Json, c.Member, value),
            Expected.Refused(400, "a property named twice is ambiguous (the last one used to win)", c.Member.Places));

    /// <summary>Another valid value of the same JSON type, so only the repetition is wrong.</summary>
    private static string Other(byte[] json, JsonMember m) => m.Kind switch
    {
        JsonTokenType.String when IsDate(m) => JsonSerializer.Serialize("2026-11-29T10:00:00Z"),
        JsonTokenType.String when m.Name is "sha256" or "previousSha256" => JsonSerializer.Serialize(new string('0', 64)),
        JsonTokenType.String when m.Name == "runId" => JsonSerializer.Serialize("0190a4c2-5a6e-7b3c-8d2e-1f3a4b5c6d7e"),
        JsonTokenType.String when m.Name is "verdict" or "status" or "code" => JsonMembers.Value(json, m),
        JsonTokenType.String when m.Name == "branchId" => JsonSerializer.Serialize("F099"),
        JsonTokenType.String => JsonSerializer.Serialize("outro"),
        JsonTokenType.Number => "7",
        JsonTokenType.True => "false",
        JsonTokenType.False => "true",
        _ => JsonMembers.Value(json, m),
    };

    private static Gen<IngestCase> PropertyDeletedOrUnknown() =>
        from c in Member()
        from unknown in Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true)))
        select unknown
            ? TextCase($"an unknown property beside {c.Member.Pointer}", c.Yesterday, JsonMembers.Duplicate(c.Json, c.Member with { Name = "extra" + c.Member.Name }, "1"),
                Expected.Refused(400, "the contract has no such property", "extra" + c.Member.Name))
            : TextCase($"{c.Member.Pointer} deleted", c.Yesterday, JsonMembers.Delete(c.Json, c.Member),
                c.Member.Required
                    ? Expected.Refused(400, "a required property is missing", c.Member.Places)
                    : Expected.AcceptedOr(400, "an optional property may be absent unless another one needs it", c.Member.Parent.Length == 0 ? ["/"] : At(c.Member.Parent)));

    private static readonly (JsonTokenType Kind, string Text)[] Values =
    [
        (JsonTokenType.Number, "123"), (JsonTokenType.Number, "-1"), (JsonTokenType.Number, "1.5e300"),
        (JsonTokenType.String, "\"x\""), (JsonTokenType.String, "\"2026-11-30T14:05:00Z\""),
        (JsonTokenType.True, "true"), (JsonTokenType.False, "false"), (JsonTokenType.Null, "null"),
        (JsonTokenType.StartObject, "{}"), (JsonTokenType.StartObject, "{\"a\":1}"),
        (JsonTokenType.StartArray, "[]"), (JsonTokenType.StartArray, "[1,\"x\"]"),
    ];

    private static JsonTokenType KindOf(JsonTokenType t) => t == JsonTokenType.False ? JsonTokenType.True : t;

    private static Gen<IngestCase> ValueOfAnotherType() =>
        from c in Member()
        let others = Values.Where(v => KindOf(v.Kind) != KindOf(c.Member.Kind)).ToArray()
        from index in Gen.Int[0, others.Length - 1]
        let value = others[index]
        select TextCase($"{c.Member.Pointer} = {value.Text}", c.Yesterday, JsonMembers.Replace(c.Json, c.Member, value.Text),
            value.Kind == JsonTokenType.Null && c.Member.Nullable
                ? Expected.AcceptedOr(400, "null stands for absent where the contract allows absence", c.Member.Parent.Length == 0 ? ["/"] : At(c.Member.Parent))
                : Expected.Refused(400, value.Kind == JsonTokenType.Null ? "null is not a value of a property that must have one" : "a value of another type", c.Member.Places));

    private static Gen<IngestCase> RawControlOrNotUtf8() =>
        from c in Member(m => m.Kind == JsonTokenType.String)
        from at in Gen.Int[0, 10_000]
        from bytes in Gen.OneOf(
            Gen.Byte[0x00, 0x1f].Select(b => new[] { b }),
            Gen.OneOf(new byte[] { 0xff }, [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80]))
        let inside = c.Member.ValueStart + 1 + (at % (c.Member.ValueEnd - c.Member.ValueStart - 1))
        select TextCase($"{c.Member.Pointer} with raw bytes {Convert.ToHexString(bytes)}", c.Yesterday, JsonMembers.Insert(c.Json, inside, bytes),
            Expected.Refused(400, bytes.Length == 1 && bytes[0] < 0x20 ? "a control character must be escaped in JSON" : "JSON text is UTF-8", [.. c.Member.Places, "line "]));

    private static Gen<IngestCase> TruncatedOrSurrounded() =>
        from yesterday in Yesterday
        from run in Rich(Now)
        let json = Manifests.Json(run)
        from cut in Gen.Int[0, json.Length - 1]
        from which in Gen.Int[0, 3]
        from after in Gen.OneOf("x", "{}", "]", ",", "null", "\u0000", "\u00a0")
        from space in Gen.OneOf("\n", " \r\n\t", "\n\n\n")
        select which switch
        {
            0 => TextCase($"the JSON text cut at byte {cut:N0} of {json.Length:N0}", yesterday, json[..cut],
                Expected.Refused(400, "a manifest cut short is not a manifest", "$", "line ")),
            1 => TextCase($"the JSON text followed by {JsonSerializer.Serialize(after)}", yesterday, [.. json, .. Encoding.UTF8.GetBytes(after)],
                Expected.Refused(400, "nothing but white space may follow the manifest", "$", "line ")),
            2 => TextCase($"the JSON text followed by {JsonSerializer.Serialize(space)}", yesterday, [.. json, .. Encoding.UTF8.GetBytes(space)],
                Expected.Accepted("white space after the manifest is still JSON", SetsBy(run.RunId))),
            _ => TextCase("a UTF-8 byte order mark before the JSON text", yesterday, [0xef, 0xbb, 0xbf, .. json],
                Expected.Accepted("a byte order mark is not content", SetsBy(run.RunId))),
        };
}
