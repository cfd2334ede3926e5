using System.Text;
using System.Text.Json.Nodes;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;

namespace MonitoramentoBKP.EndToEnd.Tests.Corpus;

/// <summary>
/// Requests an attacker or an unlucky store would send, to every endpoint: every case of the "worst day" review
/// and their siblings. None may be answered with a fault (5xx other than 503 with Retry-After).
/// </summary>
public static class HostileCorpus
{
    private static readonly string Registry = System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "registry", "branches.json"));

    public static IEnumerable<HostileRequest> All(DateTime now)
    {
        foreach (var request in Manifests(now))
        {
            yield return request;
        }

        foreach (var request in Registries())
        {
            yield return request;
        }

        foreach (var request in Admin())
        {
            yield return request;
        }

        foreach (var request in Signatures(now))
        {
            yield return request;
        }
    }

    /// <summary>Signed-request headers and enrollments an attacker would try: each a 401 or 400 naming the reason, never a fault.</summary>
    private static IEnumerable<HostileRequest> Signatures(DateTime now)
    {
        var body = Collector.Tests.Support.Manifests.Gzip(Collector.Tests.Support.Manifests.Json(Good(now)));
        Dictionary<string, string> H(params (string Name, string Value)[] headers) => headers.ToDictionary(h => h.Name, h => h.Value);
        yield return PostRaw("a Signature-Input that is not a structured field", body, headers: H(("Signature-Input", "bkp=((("), ("Signature", "bkp=:AAAA:")));
        yield return PostRaw("a 16 KB Signature", body, headers: H(("Signature-Input", "bkp=(\"@method\");created=1"), ("Signature", "bkp=:" + new string('A', 16 * 1024) + ":")));
        yield return PostRaw("a signature with another algorithm", body, headers: H(
            ("Signature-Input", "bkp=(\"@method\" \"@target-uri\" \"content-digest\" \"x-bkp-branch\");created=1;expires=2;nonce=\"n\";keyid=\"k\";alg=\"rsa-v1_5-sha256\""),
            ("Signature", "bkp=:" + Convert.ToBase64String(new byte[64]) + ":")));
        yield return PostRaw("a key id nobody enrolled", body, headers: H(
            ("Signature-Input", $"bkp=(\"@method\" \"@target-uri\" \"content-digest\" \"x-bkp-branch\");created={new DateTimeOffset(now).ToUnixTimeSeconds()};expires={new DateTimeOffset(now).ToUnixTimeSeconds() + 300};nonce=\"AAAAAAAAAAAAAAAAAAAAAA\";keyid=\"{new string('x', 43)}\";alg=\"ecdsa-p256-sha256\""),
            ("Signature", "bkp=:" + Convert.ToBase64String(new byte[64]) + ":")));
        yield return PostRaw("a Content-Digest that is not one", body, headers: H(("Content-Digest", "sha-256=not-base64")));
        yield return PostRaw("a Content-Digest of another body", body, headers: H(("Content-Digest", Contracts.Signing.ContentDigest.Of([1, 2, 3]))));
        yield return PostRaw("a Content-Digest with control characters", body, headers: H(("Content-Digest", "sha-256=:\u0001:")));
        yield return PostRaw("X-Bkp-Branch of a branch whose key this is not", body, headers: H(("X-Bkp-Branch", "F004")));

        yield return new("an enrollment that is not JSON", HttpMethod.Post, ProbeApi.EnrollPath, Encoding.UTF8.GetBytes("token=abc"));
        yield return new("an enrollment of 1 MB", HttpMethod.Post, ProbeApi.EnrollPath, Encoding.UTF8.GetBytes("{\"branchId\":\"F003\",\"token\":\"" + new string('t', 1024 * 1024) + "\",\"publicKey\":\"x\"}"));
        yield return new("an enrollment with a key that is not P-256", HttpMethod.Post, ProbeApi.EnrollPath, Encoding.UTF8.GetBytes("{\"branchId\":\"F003\",\"token\":\"t\",\"publicKey\":\"" + Convert.ToBase64String(System.Security.Cryptography.RSA.Create(2048).ExportSubjectPublicKeyInfo()) + "\"}"));
        yield return new("an enrollment with a made-up token", HttpMethod.Post, ProbeApi.EnrollPath, Encoding.UTF8.GetBytes("{\"branchId\":\"F003\",\"token\":\"made-up\",\"publicKey\":\"x\"}"));
        yield return new("an enrollment of JSON null", HttpMethod.Post, ProbeApi.EnrollPath, Encoding.UTF8.GetBytes("null"));
        yield return new("the policy with a query", HttpMethod.Get, ProbeApi.PolicyPath + "?branch=F004", []);
        yield return new("the policy of the probe's own branch", HttpMethod.Get, ProbeApi.PolicyPath, []);
    }

    private static Manifest Good(DateTime now, string branch = "F003") => Manifest(now,
        Set([.. Enumerable.Range(0, 7).Select(d => File($"Vendas_{now.AddDays(-d):MMdd}.bak", 300_000_000, now.AddDays(-d).AddMinutes(-55)))]) with { Id = "sql-vendas" },
        Set([.. Enumerable.Range(0, 7).Select(d => File($"Estoque_{now.AddDays(-d):MMdd}.zip", 50_000_000, now.AddDays(-d).AddMinutes(-50)))]) with { Id = "sql-estoque" }) with { BranchId = branch, RunId = Guid.CreateVersion7() };

    private static string Text(Manifest m) => Encoding.UTF8.GetString(Collector.Tests.Support.Manifests.Json(m));

    private static HostileRequest Post(string name, string json) =>
        new(name, HttpMethod.Post, "api/manifests", Collector.Tests.Support.Manifests.Gzip(Encoding.UTF8.GetBytes(json)), "gzip");

    private static HostileRequest PostRaw(string name, byte[] body, string? encoding = "gzip", IReadOnlyDictionary<string, string>? headers = null) =>
        new(name, HttpMethod.Post, "api/manifests", body, encoding, headers);

    /// <summary>The good manifest's JSON with one node changed.</summary>
    private static string Edit(DateTime now, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(Text(Good(now)))!.AsObject();
        edit(node);
        return node.ToJsonString();
    }

    private static IEnumerable<HostileRequest> Manifests(DateTime now)
    {
        yield return Post("impossible date", Edit(now, m => m["finishedUtc"] = "2026-13-45T00:00:00Z"));
        yield return Post("year 1 with an offset", Edit(now, m => m["startedUtc"] = "0001-01-01T00:00:00+01:00"));
        yield return Post("year 9999 with a negative offset", Edit(now, m => m["finishedUtc"] = "9999-12-31T23:59:59-01:00"));
        yield return Post("a run in year 1", Edit(now, m => { m["startedUtc"] = "0001-01-01T00:00:00Z"; m["finishedUtc"] = "0001-01-01T00:01:00Z"; }));
        yield return Post("a run in year 9999", Edit(now, m => { m["startedUtc"] = "9999-12-31T23:00:00Z"; m["finishedUtc"] = "9999-12-31T23:59:00Z"; }));
        yield return Post("a run finishing tomorrow", Edit(now, m => m["finishedUtc"] = now.AddDays(1).ToString("O")));
        yield return Post("a date that is a number", Edit(now, m => m["finishedUtc"] = 5));
        yield return Post("a file time of a local clock", Edit(now, m => m["sets"]![0]!["files"]![0]!["lastWriteUtc"] = "2026-12-01T10:00:00"));
        yield return Post("a path of 50,000 characters", Edit(now, m => m["sets"]![0]!["files"]![0]!["path"] = new string('a', 50_000)));
        yield return Post("a host name of 100,000 characters", Edit(now, m => m["hostName"] = new string('h', 100_000)));
        yield return Post("a set id of 10,000 characters", Edit(now, m => m["sets"]![0]!["id"] = new string('s', 10_000)));
        yield return Post("a branch id with a trailing newline", Edit(now, m => m["branchId"] = "F003\n"));
        yield return Post("a set id with a trailing newline", Edit(now, m => m["sets"]![0]!["id"] = "sql-vendas\n"));
        yield return Post("an escaped NUL in a path", Edit(now, m => m["sets"]![0]!["files"]![0]!["path"] = "Vendas\u0000.bak"));
        yield return Post("an escaped NUL in the host name", Edit(now, m => m["hostName"] = "LOJA\u0000"));
        yield return Post("duplicate set ids", Edit(now, m => m["sets"]![1]!["id"] = "sql-vendas"));
        yield return Post("duplicate set ids in other letter case", Edit(now, m => m["sets"]![1]!["id"] = "SQL-VENDAS"));
        yield return Post("a duplicate property name", Text(Good(now)).Replace("\"branchId\":\"F003\"", "\"branchId\":\"F003\",\"branchId\":\"F004\"", StringComparison.Ordinal));
        yield return Post("a size beyond Int64", Text(Good(now)).Replace("\"size\":300000000", "\"size\":99999999999999999999999", StringComparison.Ordinal));
        yield return Post("a size of 1e400", Text(Good(now)).Replace("\"size\":300000000", "\"size\":1e400", StringComparison.Ordinal));
        yield return Post("a negative size", Text(Good(now)).Replace("\"size\":300000000", "\"size\":-1", StringComparison.Ordinal));
        yield return Post("a fractional file count", Edit(now, m => m["sets"]![0]!["fileCount"] = 1.5));
        yield return Post("an unknown enum value", Edit(now, m => m["cache"]!["status"] = "exploded"));
        yield return Post("an unknown property", Edit(now, m => m["extra"] = 1));
        yield return Post("a missing required property", Edit(now, m => m.Remove("runId")));
        yield return Post("a run id that is not a guid", Edit(now, m => m["runId"] = "not-a-guid"));
        yield return Post("JSON null", "null");
        yield return Post("a JSON array", "[]");
        yield return Post("a JSON string", "\"manifest\"");
        yield return Post("an empty body", "");
        yield return Post("truncated JSON", Text(Good(now))[..200]);
        yield return Post("nesting 10,000 deep", Edit(now, m => { }).Replace("\"hostName\":", "\"x\":" + new string('[', 10_000) + new string(']', 10_000) + ",\"hostName\":", StringComparison.Ordinal));
        yield return Post("an unknown branch", Text(Good(now, "F999")));
        yield return Post("a retired branch", Text(Good(now, "F099")));

        var whitespace = new byte[250 * 1024 * 1024];
        Array.Fill(whitespace, (byte)' ');
        yield return PostRaw("a gzip bomb of whitespace", Collector.Tests.Support.Manifests.Gzip(whitespace));
        var huge = Encoding.UTF8.GetBytes("{\"hostName\":\"" + new string('x', 100 * 1024 * 1024) + "\"}");
        yield return PostRaw("a gzip bomb of one huge string", Collector.Tests.Support.Manifests.Gzip(huge));
        yield return PostRaw("gzip that is not gzip", Encoding.UTF8.GetBytes(Text(Good(now))));
        yield return PostRaw("truncated gzip", Collector.Tests.Support.Manifests.Gzip(Encoding.UTF8.GetBytes(Text(Good(now))))[..100]);
        yield return PostRaw("an unsupported encoding", Encoding.UTF8.GetBytes(Text(Good(now))), "br");
        yield return PostRaw("a body over every cap", new byte[40 * 1024 * 1024]);
        yield return PostRaw("a branch header that disagrees", Collector.Tests.Support.Manifests.Gzip(Encoding.UTF8.GetBytes(Text(Good(now)))), headers: new Dictionary<string, string> { [ManifestUpload.BranchHeader] = "F004" });
        yield return PostRaw("a send time that is garbage", Collector.Tests.Support.Manifests.Gzip(Encoding.UTF8.GetBytes(Text(Good(now)))), headers: new Dictionary<string, string> { [ManifestUpload.SentUtcHeader] = "0001-01-01T00:00:00+14:00" });
        yield return PostRaw("a send time in year 9999", Collector.Tests.Support.Manifests.Gzip(Encoding.UTF8.GetBytes(Text(Good(now)))), headers: new Dictionary<string, string> { [ManifestUpload.SentUtcHeader] = "9999-12-31T23:59:59Z" });
    }

    private static HostileRequest Import(string name, string json) => new(name, HttpMethod.Post, "api/branches/import", Encoding.UTF8.GetBytes(json));

    private static string EditRegistry(Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(Registry, documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        edit(node);
        return node.ToJsonString();
    }

    private static JsonObject FirstTemplateSet(JsonObject r) => r["templates"]!.AsObject().First().Value!["sets"]![0]!.AsObject();

    private static IEnumerable<HostileRequest> Registries()
    {
        yield return Import("a registry that is not JSON", "{");
        yield return Import("an empty registry body", "");
        yield return Import("a grace that overflows", EditRegistry(r => FirstTemplateSet(r)["grace"] = "99999999d"));
        yield return Import("weekdays as one comma list", EditRegistry(r => r["calendars"]!.AsObject().First().Value!["closedWeekdays"] = new JsonArray("monday, tuesday")));
        yield return Import("a weekday that is a number", EditRegistry(r => r["calendars"]!.AsObject().First().Value!["closedWeekdays"] = new JsonArray(5)));
        yield return Import("a set without root", EditRegistry(r => FirstTemplateSet(r).Remove("root")));
        yield return Import("a set without schedule", EditRegistry(r => FirstTemplateSet(r).Remove("schedule")));
        yield return Import("a branch id with a trailing newline", EditRegistry(r => r["branches"]![0]!["id"] = "F001\n"));
        yield return Import("a branch too large for storage", EditRegistry(r => r["branches"]![0]!["name"] = new string('n', 100_000)));
        yield return Import("a registry body over its cap", new string(' ', 17 * 1024 * 1024));
        yield return new("a put whose body is not an object", HttpMethod.Put, "api/branches/F003", Encoding.UTF8.GetBytes("[1,2]"));
        yield return new("a put naming another branch", HttpMethod.Put, "api/branches/F003", Encoding.UTF8.GetBytes("{\"id\":\"F004\",\"name\":\"x\",\"template\":\"loja-sql\"}"));
        yield return new("a put of an id with a newline", HttpMethod.Put, "api/branches/F010%0A", Encoding.UTF8.GetBytes("{\"name\":\"x\",\"template\":\"loja-sql\"}"));
        yield return new("a put of an id of 5,000 characters", HttpMethod.Put, "api/branches/" + new string('F', 5_000), Encoding.UTF8.GetBytes("{\"name\":\"x\",\"template\":\"loja-sql\"}"));
        yield return new("a put of an unknown template", HttpMethod.Put, "api/branches/F010", Encoding.UTF8.GetBytes("{\"name\":\"x\",\"template\":\"nope\"}"));
        yield return new("a put body over its cap", HttpMethod.Put, "api/branches/F010", new byte[2 * 1024 * 1024]);
    }

    private static IEnumerable<HostileRequest> Admin()
    {
        yield return new("an acknowledgement that is not JSON", HttpMethod.Post, "api/branches/F003/sets/sql-vendas/acknowledge", Encoding.UTF8.GetBytes("reason=x"));
        yield return new("an acknowledgement without a reason", HttpMethod.Post, "api/branches/F003/sets/sql-vendas/acknowledge", Encoding.UTF8.GetBytes("{}"));
        yield return new("an acknowledgement with nothing altered", HttpMethod.Post, "api/branches/F003/sets/sql-vendas/acknowledge", Encoding.UTF8.GetBytes("{\"reason\":\"ok\"}"));
        yield return new("an acknowledgement of an unknown set", HttpMethod.Post, "api/branches/F003/sets/nope/acknowledge", Encoding.UTF8.GetBytes("{\"reason\":\"ok\"}"));
        yield return new("an acknowledgement of a reason with control characters", HttpMethod.Post, "api/branches/F003/sets/sql-vendas/acknowledge", Encoding.UTF8.GetBytes("{\"reason\":\"a\\u0000b\"}"));
        yield return new("an acknowledgement body over its cap", HttpMethod.Post, "api/branches/F003/sets/sql-vendas/acknowledge", new byte[100_000]);
        yield return new("a branch view of an unknown id", HttpMethod.Get, "api/branches/F999", []);
        yield return new("a branch view of an id with a NUL", HttpMethod.Get, "api/branches/F0%0003", []) { RefusedBeforeTheApp = true };
        yield return new("a branch view of an id of 5,000 characters", HttpMethod.Get, "api/branches/" + new string('F', 5_000), []);
        yield return new("the status", HttpMethod.Get, "api/status", []);
        yield return new("sheets init", HttpMethod.Post, "api/sheets/init", []);
    }
}
