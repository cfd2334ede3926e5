using System.Text;
using System.Text.Json.Nodes;
using static MonitoramentoBKP.Contracts.Tests.Corpus.InvalidManifestRefusal;

namespace MonitoramentoBKP.Contracts.Tests.Corpus;

/// <summary>
/// The one list of manifests the contract refuses, each made from <see cref="SampleManifest"/> by one change. The
/// schema test and the code validator test both run it; so can any endpoint that takes a manifest: enumerate
/// <see cref="All"/> (or <see cref="Names"/> for an xunit theory, then <see cref="Named"/>), send each one's
/// <see cref="InvalidManifest.Utf8"/>, and expect a 400 whose detail <see cref="InvalidManifest.IsNamedIn"/>.
/// Self-contained (Contracts and System.Text.Json only), so another test project can link this folder.
/// </summary>
public static class InvalidManifests
{
    private const string Beyond64Bits = "99999999999999999999";
    private const string Beyond32Bits = "3000000000";

    private static readonly string[] Numbers =
        ["/sets/0/fileCount", "/sets/0/totalBytes", "/sets/0/volumeFreeBytes", "/sets/0/volumeTotalBytes", "/sets/0/files/0/size", "/sets/0/files/0/archive/entries", "/spoolDropped/count"];

    private static readonly string[] Texts =
    [
        "/cache/detail", "/sets/1/error/detail", "/sets/0/files/1/error/detail", "/sets/0/files/0/archive/reason",
        "/sets/0/skipped/0/path", "/sets/0/skipped/0/reason/detail", "/sets/0/rootPath", "/sets/0/files/0/path", "/update/detail",
    ];

    public static IReadOnlyList<InvalidManifest> All { get; } = Build();

    public static Xunit.TheoryData<string> Names => [.. All.Select(m => m.Name)];

    /// <summary>The names of the manifests one kind of reader refuses, for a theory that only applies to those.</summary>
    public static Xunit.TheoryData<string> NamesRefusedBy(InvalidManifestRefusal refusal) => [.. All.Where(m => m.RefusedBy == refusal).Select(m => m.Name)];

    public static InvalidManifest Named(string name) => All.Single(m => m.Name == name);

    private static List<InvalidManifest> Build()
    {
        var all = new List<InvalidManifest>
        {
            // The first hand-made ones.
            Value("/schemaVersion", "2"),
            Value("/runId", "\"not-a-uuid\""),
            Value("/startedUtc", "\"2026-11-30 22:30\""),
            Value("/sets/0/files/0/sha256", "\"XYZ\""),
            Value("/sets/0/files/0/size", "-1"),
            Value("/sets/0/files/0/path", "\"C:\\\\backup_sql\\\\a.bak\""),
            Value("/sets/0/files/0/archive/verdict", "\"fine\""),
            Value("/sets/0/extra", "true"),
            Value("/cache/status", "\"warm\""),
            Value("/branchId", "\"filial 42\""),
            Value("/sets/0/files/0/archive/format", "\"rar\""),

            // Timestamps: impossible dates, offsets that leave the calendar, more decimals than ticks, no 'Z'.
            Value("/startedUtc", "\"2026-13-45T00:00:00Z\"", "a month 13 and a day 45"),
            Value("/startedUtc", "\"2026-02-30T00:00:00Z\"", "30 February"),
            Value("/startedUtc", "\"2027-02-29T00:00:00Z\"", "29 February of a common year"),
            Value("/startedUtc", "\"2026-11-30T24:00:00Z\"", "hour 24"),
            Value("/startedUtc", "\"0001-01-01T00:00:00+01:00\"", "year 1 with an offset before UTC"),
            Value("/finishedUtc", "\"9999-12-31T23:59:59-01:00\"", "year 9999 with an offset past the calendar"),
            Value("/startedUtc", "\"2026-11-30T22:30:00+00:00\"", "an offset instead of Z"),
            Value("/startedUtc", "\"2026-11-30T22:30:00.12345678Z\"", "8 decimals"),
            Value("/startedUtc", "\"2026-11-30T22:30:00." + new string('9', 10_000) + "Z\"", "10,000 decimals"),
            Value("/startedUtc", "\"２０２６-11-30T22:30:00Z\"", "non-ASCII digits"),
            Value("/startedUtc", "1764541800", "a number"),
            Value("/sets/0/files/0/verifiedUtc", "\"2026-11-30T22:31:00z\"", "a lower-case z"),

            // Plausible time range: from 2000-01-01 up to 2100-01-01.
            Value("/startedUtc", "\"0001-01-01T00:00:00Z\"", "a run in year 1"),
            Value("/startedUtc", "\"1999-12-31T23:59:59.9999999Z\"", "a run before 2000"),
            Value("/finishedUtc", "\"2100-01-01T00:00:00Z\"", "a run finished in 2100"),
            Value("/sets/0/files/0/lastWriteUtc", "\"1970-01-01T00:00:00Z\"", "a file written in 1970"),
            Value("/sets/0/files/1/lastWriteUtc", "\"2150-06-01T00:00:00Z\"", "a file written in 2150"),
            Value("/sets/0/files/0/verifiedUtc", "\"1601-01-01T00:00:00Z\"", "a file verified in 1601"),
            new("/finishedUtc: before startedUtc", "/finishedUtc", CodeOnly, () => With("/finishedUtc", JsonValue.Create("2026-11-30T22:29:59Z"))),

            // Numbers beyond Int64 (and Int32 where the field is one), negative, fractional, null.
            Value("/schemaVersion", Beyond64Bits),
            Value("/schemaVersion", "1.5"),
            Value("/schemaVersion", "-1"),
            Value("/sets/0/fileCount", Beyond32Bits, "beyond Int32"),
            Value("/sets/0/files/0/archive/entries", Beyond32Bits, "beyond Int32"),
            Value("/sets/0/fileCount", "250001", "more files than a set may hold"),
            Value("/sets/0/files/0/size", "null"),

            // Strings of absurd length: tens of thousands of characters, and one past each cap.
            Text("/sets/0/files/0/path", new string('a', 40_000), "40,000 characters"),
            Text("/sets/0/files/0/path", "Vendas/" + new string('a', ManifestLimits.MaxRelativePathLength - 6), "4,097 characters"),
            Text("/sets/0/rootPath", @"C:\" + new string('a', ManifestLimits.MaxRootPathLength - 2), "32,768 characters"),
            Text("/sets/0/skipped/0/path", new string('a', ManifestLimits.MaxRelativePathLength + 1), "4,097 characters"),
            Text("/branchId", new string('F', ManifestLimits.MaxIdLength + 1), "65 characters"),
            Text("/sets/0/id", new string('s', ManifestLimits.MaxIdLength + 1), "65 characters"),
            Text("/probeVersion", new string('1', ManifestLimits.MaxProbeVersionLength + 1), "65 characters"),
            Text("/hostName", new string('h', ManifestLimits.MaxHostNameLength + 1), "256 characters"),
            Text("/os", new string('o', ManifestLimits.MaxOsLength + 1), "256 characters"),
            Text("/probeVersion", "", "empty"),
            Text("/sets/0/rootPath", "", "empty"),
            Text("/sets/0/skipped/0/path", "", "empty"),

            // A trailing newline after an id or a hash ('$' would accept it).
            Text("/branchId", "F042\n", "a trailing newline"),
            Text("/sets/0/id", "sql\n", "a trailing newline"),
            Text("/sets/0/files/0/sha256", new string('a', 64) + "\n", "a trailing newline"),
            Text("/runId", "01939a5e-7c1b-7000-8000-000000000001\n", "a trailing newline"),

            // Control characters: U+0000 nowhere, none at all in one-line fields.
            Text("/hostName", "LOJA42\u0000SRV", "U+0000"),
            Text("/os", "Linux\n6.1", "a newline"),
            Text("/probeVersion", "0.1.0\u001b[31m", "an escape character"),
            Text("/branchId", "F042\u0000", "U+0000"),

            // Counts: more sets than a machine has; ids that repeat, also in another letter case.
            new("/sets: 101 sets", "/sets", SchemaAndCode, () => With("/sets", new JsonArray([.. Enumerable.Range(0, ManifestLimits.MaxSets + 1).Select(i => Set($"s{i}"))]))),
            new("/sets/0/skipped: 10,001 entries", "/sets/0/skipped", SchemaAndCode, () => With("/sets/0/skipped", new JsonArray([.. Enumerable.Range(0, ManifestLimits.MaxSkippedPerSet + 1)
                .Select(i => (JsonNode)new JsonObject { ["path"] = $"loop{i}", ["reason"] = new JsonObject { ["code"] = "linkCycle" } })]))),
            new("/sets/0/files: 250,001 files", "/sets/0/files", SchemaAndCode, ManyFiles),
            new("/sets/1/id: 'sql' twice", "/sets/1/id", CodeOnly, () => With("/sets/1/id", JsonValue.Create("sql"))),
            new("/sets/1/id: 'SQL' after 'sql'", "/sets/1/id", CodeOnly, () => With("/sets/1/id", JsonValue.Create("SQL"))),

            // The spool's drop record: at least one drop, over plausible times, in order.
            Value("/spoolDropped/count", "0", "no drop"),
            Value("/spoolDropped/count", Beyond32Bits, "beyond Int32"),
            Value("/spoolDropped/firstFinishedUtc", "\"1970-01-01T00:00:00Z\"", "a dropped run in 1970"),
            Value("/spoolDropped/lastFinishedUtc", "\"2026-11-29 22:31\""),
            Value("/spoolDropped/extra", "true"),
            new("/spoolDropped/lastFinishedUtc: before firstFinishedUtc", "/spoolDropped/lastFinishedUtc", CodeOnly, () => With("/spoolDropped/lastFinishedUtc", JsonValue.Create("2026-11-28T22:30:59Z"))),

            // The update report: a known outcome, one-line versions, a plausible time, the restored version of a rollback.
            Value("/update/outcome", "\"crashed\""),
            Value("/update/atUtc", "\"1970-01-01T00:00:00Z\"", "an update in 1970"),
            Value("/update/atUtc", "\"2026-11-30 22:29\""),
            Value("/update/extra", "true"),
            Value("/update/version", "null"),
            Value("/update/previousVersion", "null", "null on a rollback"),
            Text("/update/version", "", "empty"),
            Text("/update/previousVersion", "", "empty"),
            Text("/update/version", new string('1', ManifestLimits.MaxProbeVersionLength + 1), "65 characters"),
            Text("/update/previousVersion", new string('1', ManifestLimits.MaxProbeVersionLength + 1), "65 characters"),
            Text("/update/version", "0.2.0\n", "a newline"),
            Text("/update/previousVersion", "0.1.0\u0000", "U+0000"),

            // Nulls where the contract has a value.
            Value("/branchId", "null"),
            Value("/sets/1", "null"),
            Value("/sets/0/files/1", "null"),
            Value("/sets/0/skipped", "null"),
            Value("/sets/0/files/0/archive", "null"),

            // Not a document a strict parser takes: the same property twice (the last would win), a raw U+0000.
            Raw("/branchId: twice", "/branchId", "\"branchId\":\"F042\"", "\"branchId\":\"F042\",\"branchId\":\"F999\""),
            Raw("/runId: twice", "/runId", "\"runId\":", "\"runId\":\"01939a5e-7c1b-7000-8000-000000000002\",\"runId\":"),
            Raw("/sets/0/files/0/path: twice", "/sets/0/files/0/path", "\"path\":\"Vendas/Vendas_20261130.zip\"", "\"path\":\"Vendas/Vendas_20261130.zip\",\"path\":\"Vendas/outro.zip\""),
            Raw("/sets/0/files/0/archive/verdict: twice", "/sets/0/files/0/archive/verdict", "\"verdict\":\"corrupt\"", "\"verdict\":\"corrupt\",\"verdict\":\"ok\""),
            Raw("/sets/0/id: a raw U+0000", "/sets/0/id", "\"id\":\"sql\"", "\"id\":\"sql\u0000\""),
        };

        foreach (var pointer in Texts)
        {
            all.Add(Text(pointer, "x\u0000y", "U+0000 (escaped)"));
        }

        foreach (var pointer in Texts.Where(p => !p.EndsWith("path", StringComparison.OrdinalIgnoreCase)))
        {
            all.Add(Text(pointer, new string('d', ManifestLimits.MaxDetailLength + 1), "4,097 characters"));
        }

        foreach (var pointer in Numbers)
        {
            all.AddRange([Value(pointer, Beyond64Bits), Value(pointer, "-1"), Value(pointer, "1.5")]);
        }

        // One manifest per name (a loop may repeat a hand-made one).
        return [.. all.DistinctBy(m => m.Name)];
    }

    private static InvalidManifest Value(string pointer, string json, string? what = null) =>
        new($"{pointer}: {what ?? Shown(json)}", pointer, SchemaAndCode, () => With(pointer, JsonNode.Parse(json)));

    private static InvalidManifest Text(string pointer, string value, string what) =>
        new($"{pointer}: {what}", pointer, SchemaAndCode, () => With(pointer, JsonValue.Create(value)));

    private static InvalidManifest Raw(string name, string pointer, string find, string replacement) =>
        new(name, pointer, Parser, () => ReplaceOnce(SampleManifest.Json(), find, replacement));

    private static string Shown(string json) => json.Length <= 40 ? json : json[..40] + "…";

    /// <summary>The sample with the value at <paramref name="pointer"/> replaced (or added).</summary>
    private static string With(string pointer, JsonNode? value)
    {
        var root = JsonNode.Parse(SampleManifest.Json())!;
        var parts = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var i) ? node[i]! : node[part]!;
        }

        if (int.TryParse(parts[^1], out var index))
        {
            node[index] = value;
        }
        else
        {
            node[parts[^1]] = value;
        }

        return root.ToJsonString();
    }

    private static string ReplaceOnce(string json, string find, string replacement)
    {
        var at = json.IndexOf(find, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException($"The sample manifest no longer contains {find}.");
        }

        return string.Concat(json.AsSpan(0, at), replacement, json.AsSpan(at + find.Length));
    }

    private static JsonObject Set(string id) => new()
    {
        ["id"] = id,
        ["rootPath"] = $"C:\\{id}",
        ["exists"] = false,
        ["readable"] = false,
        ["error"] = new JsonObject { ["code"] = "notFound" },
        ["fileCount"] = 0,
        ["totalBytes"] = 0,
        ["files"] = new JsonArray(),
    };

    /// <summary>One set past the file cap, written as text: a JsonNode tree of 250,001 files would be far slower to build.</summary>
    private static string ManyFiles()
    {
        const string Entry = "{{\"path\":\"f/{0}.bak\",\"size\":0,\"lastWriteUtc\":\"2026-11-30T22:00:00Z\",\"hashedThisRun\":false,\"archive\":{{\"verdict\":\"notTested\"}},\"error\":{{\"code\":\"locked\"}}}}";
        var files = new StringBuilder("\"files\":[");
        for (var i = 0; i <= ManifestLimits.MaxFilesPerSet; i++)
        {
            files.Append(i == 0 ? "" : ",").AppendFormat(System.Globalization.CultureInfo.InvariantCulture, Entry, i);
        }

        var json = SampleManifest.Json();
        var start = json.IndexOf("\"files\":[", StringComparison.Ordinal);
        var end = json.IndexOf("],\"skipped\"", start, StringComparison.Ordinal);
        return string.Concat(json.AsSpan(0, start), files.Append(']').ToString(), json.AsSpan(end + 1));
    }
}
