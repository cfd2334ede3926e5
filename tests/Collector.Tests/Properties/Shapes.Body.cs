using CsCheck;
using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;
using static MonitoramentoBKP.Collector.Tests.Properties.ManifestGen;

namespace MonitoramentoBKP.Collector.Tests.Properties;

/// <summary>Bodies: gzip bombs, oversized values and counts, damaged gzip, other encodings.</summary>
public static partial class Shapes
{
    private static readonly IngestLimits Limits = new();

    /// <summary>One gzip member of white space just past the decompressed cap (some 64 KiB compressed): made once, it is slow to make.</summary>
    private static readonly Lazy<byte[]> SpaceBomb = new(() =>
    {
        var spaces = new byte[Limits.MaxManifestBytes + 1];
        Array.Fill(spaces, (byte)' ');
        return Manifests.Gzip(spaces);
    });

    private static Gen<IngestCase> BombOrOversized() =>
        from yesterday in Yesterday
        from run in Rich(Now)
        let json = Manifests.Json(run)
        let members = JsonMembers.Of(json)
        from which in Gen.Int[0, 7]
        from length in Gen.Int[MaxValueBytes + 1, 8 * 1024 * 1024]
        from depth in Gen.Int[65, 100_000]
        from number in Gen.OneOf("1e30", "9223372036854775808", "1e400", "-0.5", "0x10", "NaN")
        from sets in Gen.Int[101, 300]
        select which switch
        {
            0 => Case("a gzip bomb: white space past the decompressed cap", yesterday, new Upload { Body = SpaceBomb.Value, Branch = "F001", SentUtc = Stamp(Now) },
                Expected.Refused(413, "the decompressed manifest is capped", "decompresses to more than")),
            1 => Case("a valid manifest, then a gzip member of white space past the cap", yesterday, new Upload { Body = [.. Manifests.Gzip(json), .. SpaceBomb.Value], Branch = "F001", SentUtc = Stamp(Now) },
                Expected.Refused(413, "everything the body decompresses to counts", "decompresses to more than")),
            2 => TextCase($"/hostName of {length:N0} characters", yesterday, JsonMembers.Replace(json, members.Single(m => m.Name == "hostName"), $"\"{new string('h', length)}\""),
                Expected.Refused(413, "no single value may be longer than the reader holds whole", "at byte")),
            3 => TextCase($"/sets/0/files/0/size of {length:N0} digits", yesterday, JsonMembers.Replace(json, members.First(m => m.Name == "size"), new string('9', length)),
                Expected.Refused(413, "no single value may be longer than the reader holds whole", "at byte")),
            4 => Case($"Content-Length: {Limits.MaxCompressedBytes + length:N0}", yesterday, Upload.Of(run, Stamp(Now), Now) with { ContentLength = Limits.MaxCompressedBytes + length },
                Expected.Refused(413, "the body is capped before it is read", "request body")),
            5 => TextCase($"/sets nested {depth:N0} arrays deep", yesterday, JsonMembers.Replace(json, members.Single(m => m.Name == "sets"), new string('[', depth) + new string(']', depth)),
                Expected.Refused(400, "nesting past the reader's depth is refused", "$.sets")),
            6 => TextCase($"/sets/0/files/0/size = {number}", yesterday, JsonMembers.Replace(json, members.First(m => m.Name == "size"), number),
                Expected.Refused(400, "a size is a whole number that fits", At("/sets/0/files/0/size"))),
            _ => Case($"{sets} sets", yesterday, Upload.Of(run with { Sets = [.. Enumerable.Range(0, sets).Select(i => Folder($"s{i}", [], exists: true, readable: true, null))] }, Stamp(Now), Now),
                Expected.Refused(400, "at most 100 sets a manifest", At("/sets"))),
        };

    private static Gen<IngestCase> DamagedGzip() =>
        from yesterday in Yesterday
        from run in Honest(Now)
        let json = Manifests.Json(run)
        let gzip = Manifests.Gzip(json)
        from which in Gen.Int[0, 7]
        from cut in Gen.Int[0, gzip.Length - 1]
        from flip in Gen.Byte[1, 255]
        from garbage in Gen.Byte.Array[1, 64]
        from split in Gen.Int[1, json.Length - 1]
        select which switch
        {
            0 => Case($"the gzip body cut at byte {cut:N0} of {gzip.Length:N0}", yesterday, Upload.Of(run, Stamp(Now), Now) with { Body = gzip[..cut] },
                Expected.Refused(400, "a body cut short is not a manifest")),
            1 => Flipped(run, yesterday, json, gzip, cut, flip),
            2 => Case($"the gzip body followed by {garbage.Length} bytes of garbage", yesterday, Upload.Of(run, Stamp(Now), Now) with { Body = [.. gzip, .. garbage] },
                Expected.Refused(400, "bytes after the last gzip member are not a member", "bytes after it")),
            3 => Case($"the JSON text in two gzip members, split at byte {split:N0}", yesterday, Upload.Of(run, Stamp(Now), Now) with { Body = [.. Manifests.Gzip(json[..split]), .. Manifests.Gzip(json[split..])] },
                Expected.Accepted("a gzip body may be several members (RFC 1952)", SetsBy(run.RunId))),
            4 => Case("the manifest gzipped twice over, one member after the other", yesterday, Upload.Of(run, Stamp(Now), Now) with { Body = [.. gzip, .. gzip] },
                Expected.Refused(400, "two manifests in one body is not a manifest", "$", "line ")),
            5 => Case("an empty body", yesterday, Upload.Of(run, Stamp(Now), Now) with { Body = [] },
                Expected.Refused(400, "an empty body is not a manifest")),
            6 => Case("plain JSON said to be gzip", yesterday, Upload.Of(run, Stamp(Now), Now) with { Body = json },
                Expected.Refused(400, "Content-Encoding says gzip", "gzip")),
            _ => Case("gzip said to be identity", yesterday, Upload.Of(run, Stamp(Now), Now) with { Encoding = "identity" },
                Expected.Refused(400, "a gzip body is not JSON text", "$", "line ")),
        };

    /// <summary>
    /// One byte of the body changed. Deflate is not canonical, so a changed byte may still decode to the very same
    /// content (seed bh4wYzi0Bf21: byte 782 of 1,713 XOR 0x06 changes only an unused Huffman code length; Python's
    /// gzip module decodes it to the same 3,884 bytes too): that body is the probe's manifest and is accepted. Any
    /// change to what it decodes to is caught by gzip's CRC-32 and length, or by the JSON reader.
    /// </summary>
    private static IngestCase Flipped(Manifest run, Manifest yesterday, byte[] json, byte[] gzip, int cut, byte flip)
    {
        byte[] body = [.. gzip[..cut], (byte)(gzip[cut] ^ flip), .. gzip[(cut + 1)..]];
        return Case($"byte {cut:N0} of {gzip.Length:N0} of the gzip body XOR 0x{flip:X2}", yesterday, Upload.Of(run, Stamp(Now), Now) with { Body = body },
            Manifests.DecodesTo(body, json)
                ? Expected.Accepted("a change that decodes to the same content (a header's time or OS, an unused Huffman code) is the same manifest", SetsBy(run.RunId))
                : Expected.Refused(400, "gzip's CRC-32 and length catch a damaged body"));
    }

    private static Gen<IngestCase> OtherEncoding() =>
        from yesterday in Yesterday
        from run in Honest(Now)
        let json = Manifests.Json(run)
        from other in Gen.OneOf("br", "deflate", "compress", "zstd", "gzip, br", "gzip;q=1", "x-unknown", "identity, gzip")
        from gzip in Gen.OneOf("gzip", "GZIP", " gzip ", "Gzip")
        from plain in Gen.OneOf<string?>(null, "", "identity", "IDENTITY")
        from which in Gen.Int[0, 2]
        select which switch
        {
            0 => Case($"Content-Encoding: {other}", yesterday, Upload.Of(run, Stamp(Now), Now) with { Encoding = other },
                Expected.Refused(415, "the collector reads gzip or identity", "Content-Encoding")),
            1 => Case($"Content-Encoding: \"{gzip}\"", yesterday, Upload.Of(run, Stamp(Now), Now) with { Encoding = gzip },
                Expected.Accepted("content codings are case-insensitive tokens", SetsBy(run.RunId))),
            _ => Case($"plain JSON with Content-Encoding: {Upload.Show(plain)}", yesterday, Upload.Of(run, Stamp(Now), Now) with { Body = json, Encoding = plain },
                Expected.Accepted("identity is no encoding", SetsBy(run.RunId))),
        };
}
