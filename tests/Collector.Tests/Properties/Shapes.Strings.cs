using CsCheck;
using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.Contracts;
using static MonitoramentoBKP.Collector.Tests.Properties.ManifestGen;

namespace MonitoramentoBKP.Collector.Tests.Properties;

/// <summary>Names, ids and strings: lengths at and past the contract's caps, trailing newlines, repeated set ids, control characters, branches.</summary>
public static partial class Shapes
{
    /// <summary>
    /// The contract's caps (ManifestLimits on the branch that tightens the contract; UTF-16 code units), restated
    /// here so the property holds the collector to them whether or not that work has landed.
    /// </summary>
    private const int MaxId = 64;
    private const int MaxProbeVersion = 64;
    private const int MaxHostOrOs = 255;
    private const int MaxRootPath = 32_767;
    private const int MaxRelativePath = 4_096;
    private const int MaxDetail = 4_096;

    private static readonly int MaxValueBytes = new IngestLimits().MaxValueBytes;

    private sealed record TextField(string Pointer, int Max, bool Required, bool SingleLine, Func<Manifest, string, Manifest> Set);

    private static Manifest WithSql(Manifest m, Func<BackupSetReport, BackupSetReport> change) => m with { Sets = [change(m.Sets[0]), .. m.Sets.Skip(1)] };

    private static Manifest WithFile(Manifest m, int index, Func<FileReport, FileReport> change) =>
        WithSql(m, s => s with { Files = [.. s.Files.Select((f, i) => i == index ? change(f) : f)] });

    /// <summary>Every free-text field of a <see cref="Rich"/> manifest, with its cap.</summary>
    private static readonly TextField[] TextFields =
    [
        new("/probeVersion", MaxProbeVersion, true, true, (m, v) => m with { ProbeVersion = v }),
        new("/hostName", MaxHostOrOs, false, true, (m, v) => m with { HostName = v }),
        new("/os", MaxHostOrOs, false, true, (m, v) => m with { Os = v }),
        new("/cache/detail", MaxDetail, false, false, (m, v) => m with { Cache = m.Cache with { Detail = v } }),
        new("/sets/0/rootPath", MaxRootPath, true, false, (m, v) => WithSql(m, s => s with { RootPath = v })),
        new("/sets/0/files/0/path", MaxRelativePath, true, false, (m, v) => WithFile(m, 0, f => f with { Path = v })),
        new("/sets/0/files/0/archive/reason", MaxDetail, false, false, (m, v) => WithFile(m, 0, f => f with { Archive = f.Archive with { Reason = v } })),
        new("/sets/0/files/1/error/detail", MaxDetail, false, false, (m, v) => WithFile(m, 1, f => f with { Error = f.Error! with { Detail = v } })),
        new("/sets/0/skipped/0/path", MaxRelativePath, true, false, (m, v) => WithSql(m, s => s with { Skipped = [s.Skipped[0] with { Path = v }] })),
    ];

    /// <summary>A path of <paramref name="length"/> characters in folders of 200, as deep trees and long names make them.</summary>
    private static string LongPath(int length) =>
        string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = i % 201 == 200 && i < span.Length - 1 ? '/' : (char)('a' + (i % 26));
            }
        });

    private static Gen<IngestCase> LongOrEmptyText() =>
        from yesterday in Yesterday
        from run in Rich(Now)
        from choice in Gen.Int[0, TextFields.Length + 2]
        from near in Gen.Int[-1, 1]
        from far in Gen.Frequency((4, Gen.Const(0)), (1, Gen.Int[1, 300_000]))
        from empty in Gen.Int[0, 9]
        select choice switch
        {
            _ when choice < TextFields.Length => LongText(yesterday, run, TextFields[choice], empty == 0 ? 0 : TextFields[choice].Max + near + far),
            var c when c == TextFields.Length => LongId(yesterday, run, "/branchId", (m, v) => m with { BranchId = v }, MaxId + near),
            _ => LongId(yesterday, run, "/sets/0/id", (m, v) => WithSql(m, s => s with { Id = v }), MaxId + near),
        };

    private static IngestCase LongText(Manifest yesterday, Manifest run, TextField field, int length)
    {
        var text = field.Pointer.EndsWith("path", StringComparison.OrdinalIgnoreCase) ? LongPath(length) : new string('x', length);
        var upload = Upload.Of(field.Set(run, text), Stamp(Now), Now);
        var summary = $"{field.Pointer} of {length:N0} characters";
        return length switch
        {
            0 when field.Required => Case(summary, yesterday, upload, Expected.Refused(400, "a required text must not be empty", At(field.Pointer))),
            _ when length > MaxValueBytes => Case(summary, yesterday, upload, Expected.Refused(413, "no single value may be longer than the reader holds whole", "at byte")),
            _ when length > field.Max => Case(summary, yesterday, upload, Expected.Refused(400, $"the contract caps {field.Pointer} at {field.Max:N0} characters", At(field.Pointer))),
            _ => Case(summary, yesterday, upload, Expected.Accepted("within the contract's caps", SetsBy(run.RunId))),
        };
    }

    private static IngestCase LongId(Manifest yesterday, Manifest run, string pointer, Func<Manifest, string, Manifest> set, int length)
    {
        var id = pointer == "/branchId" ? "F001" + new string('0', length - 4) : "sql" + new string('x', length - 3);
        var summary = $"{pointer} of {length} characters";
        var upload = Upload.Of(set(run, id), Stamp(Now), Now) with { Branch = null };
        return length > MaxId
            ? Case(summary, yesterday, upload, Expected.Refused(400, "ids are at most 64 characters", At(pointer)))
            : pointer == "/branchId"
                ? Case(summary, yesterday, upload, Expected.Refused(404, "a valid id that the registry does not hold", id))
                : Case(summary, yesterday, upload, Expected.Accepted("a set the policy does not name is ignored"));
    }

    private static Gen<IngestCase> IdWithTrailingNewline() =>
        from yesterday in Yesterday
        from run in Rich(Now)
        from which in Gen.Int[0, 2]
        from ending in Gen.OneOf("\n", "\r\n", "\r", " ", "\t")
        from header in Gen.Bool
        select which switch
        {
            0 => Case($"branchId \"F001{Escaped(ending)}\"", yesterday, Upload.Of(run with { BranchId = "F001" + ending }, Stamp(Now), Now) with { Branch = header ? "F001" : null },
                Expected.Refused(400, "an id is letters, digits, '.', '_' and '-' up to its end", At("/branchId"))),
            var w => Case($"set id \"sql{Escaped(ending)}\"", yesterday, Upload.Of(WithSql(run, s => s with { Id = "sql" + ending }), Stamp(Now), Now),
                Expected.Refused(400, "an id is letters, digits, '.', '_' and '-' up to its end", At("/sets/0/id"))),
        };

    private static string Escaped(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);

    private static Gen<IngestCase> DuplicateSetIds() =>
        from yesterday in Yesterday
        from run in Rich(Now)
        from twin in Gen.OneOf("sql", "SQL", "Sql", "sqL")
        from fotos in Gen.Bool
        let sql = run.Sets[0]
        let sets = fotos
            ? new[] { sql, Folder("fotos", [], exists: true, readable: true, null), sql with { Id = twin } }
            : [sql, sql with { Id = twin }]
        select Case($"sets {string.Join(", ", sets.Select(s => s.Id))}", yesterday, Upload.Of(run with { Sets = sets }, Stamp(Now), Now),
            Expected.Refused(400, "set ids are unique whatever their letter case", At($"/sets/{sets.Length - 1}/id")));

    private static Gen<IngestCase> ControlCharacterInString() =>
        from yesterday in Yesterday
        from run in Rich(Now)
        from field in Gen.OneOf(TextFields)
        from nul in Gen.Bool
        from other in Gen.OneOf(Gen.Char['\u0001', '\u001f'], Gen.Const('\u007f'))
        from at in Gen.Int[0, 1_000]
        let c = nul ? '\0' : other
        let text = Original(run, field.Pointer) is var original && original.Length > 0 ? original.Insert(at % (original.Length + 1), c.ToString()) : c.ToString()
        select Case($"{field.Pointer} with U+{(int)c:X4}", yesterday, Upload.Of(field.Set(run, text), Stamp(Now), Now),
            nul || field.SingleLine
                ? Expected.Refused(400, nul ? "no text may hold U+0000" : "a one-line field holds no control character", At(field.Pointer))
                : Expected.Accepted("paths and free text keep control characters other than U+0000", SetsBy(run.RunId)));

    private static string Original(Manifest m, string pointer) => pointer switch
    {
        "/probeVersion" => m.ProbeVersion,
        "/hostName" => m.HostName,
        "/os" => m.Os,
        "/cache/detail" => m.Cache.Detail ?? "",
        "/sets/0/rootPath" => m.Sets[0].RootPath,
        "/sets/0/files/0/path" => m.Sets[0].Files[0].Path,
        "/sets/0/files/0/archive/reason" => m.Sets[0].Files[0].Archive.Reason ?? "",
        "/sets/0/files/1/error/detail" => m.Sets[0].Files[1].Error?.Detail ?? "",
        _ => m.Sets[0].Skipped[0].Path,
    };

    private static Gen<IngestCase> BranchesAndHeader() =>
        from yesterday in Yesterday
        from run in Honest(Now)
        from which in Gen.Int[0, 6]
        select which switch
        {
            0 => Case("X-Bkp-Branch F002 on a manifest of F001", yesterday, Upload.Of(run, Stamp(Now), Now) with { Branch = "F002" },
                Expected.Refused(401, "the header and the manifest must agree", "X-Bkp-Branch")),
            1 => Case("X-Bkp-Branch f001 on a manifest of F001", yesterday, Upload.Of(run, Stamp(Now), Now) with { Branch = "f001" },
                Expected.Accepted("branch ids are compared ignoring case", SetsBy(run.RunId))),
            2 => Case("no X-Bkp-Branch", yesterday, Upload.Of(run, Stamp(Now), Now) with { Branch = null },
                Expected.Accepted("the header is optional", SetsBy(run.RunId))),
            3 => Case("a manifest of F404", yesterday, Upload.Of(run with { BranchId = "F404" }, Stamp(Now), Now),
                Expected.Refused(404, "the registry does not hold F404", "F404")),
            4 => Case("a manifest of retired F099", yesterday, Upload.Of(run with { BranchId = "F099" }, Stamp(Now), Now),
                Expected.Refused(410, "F099 is retired", "F099")),
            5 => Case("a manifest of f001", yesterday, Upload.Of(run with { BranchId = "f001" }, Stamp(Now), Now),
                Expected.Accepted("the registry finds a branch whatever its letter case", SetsBy(run.RunId))),
            _ => Case("X-Bkp-Branch F001 on a manifest of F404", yesterday, Upload.Of(run with { BranchId = "F404" }, Stamp(Now), Now) with { Branch = "F001" },
                Expected.Refused(401, "the header and the manifest must agree", "X-Bkp-Branch")),
        };
}
