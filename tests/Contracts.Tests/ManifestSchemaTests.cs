using System.Text.Json;
using System.Text.Json.Nodes;

namespace MonitoramentoBKP.Contracts.Tests;

public sealed class ManifestSchemaTests
{
    private static Manifest Sample() => new()
    {
        SchemaVersion = Manifest.CurrentSchemaVersion,
        RunId = Guid.Parse("01939a5e-7c1b-7000-8000-000000000001"),
        BranchId = "F042",
        ProbeVersion = "0.1.0",
        HostName = "LOJA42-SRV",
        Os = "Microsoft Windows 10.0.17763",
        StartedUtc = new DateTime(2026, 11, 30, 22, 30, 0, DateTimeKind.Utc),
        FinishedUtc = new DateTime(2026, 11, 30, 22, 31, 5, DateTimeKind.Utc),
        Cache = new CacheReport { Status = CacheStatus.Loaded },
        Sets =
        [
            new BackupSetReport
            {
                Id = "sql",
                RootPath = @"C:\backup_sql",
                Exists = true,
                Readable = true,
                FileCount = 2,
                TotalBytes = 3000,
                VolumeFreeBytes = 10,
                VolumeTotalBytes = 100,
                Files =
                [
                    new FileReport
                    {
                        Path = "Vendas/Vendas_20261130.zip",
                        Size = 1000,
                        LastWriteUtc = new DateTime(2026, 11, 30, 22, 10, 0, DateTimeKind.Utc),
                        Sha256 = new string('a', 64),
                        HashedThisRun = true,
                        VerifiedUtc = new DateTime(2026, 11, 30, 22, 31, 0, DateTimeKind.Utc),
                        Archive = new ArchiveReport { Verdict = ArchiveVerdict.Corrupt, Format = "zip", Reason = "CRC" },
                    },
                    new FileReport
                    {
                        Path = "Vendas/ação.bak",
                        Size = 2000,
                        LastWriteUtc = new DateTime(2026, 11, 30, 22, 0, 0, DateTimeKind.Utc),
                        HashedThisRun = false,
                        Archive = ArchiveReport.NotTested,
                        Error = new ProblemReport { Code = ProblemCode.Locked, Detail = "in use" },
                    },
                ],
                Skipped = [new SkippedEntry { Path = "loop", Reason = new ProblemReport { Code = ProblemCode.LinkCycle } }],
            },
            new BackupSetReport
            {
                Id = "fotos",
                RootPath = @"D:\fotos",
                Exists = false,
                Readable = false,
                Error = new ProblemReport { Code = ProblemCode.NotFound },
                FileCount = 0,
                TotalBytes = 0,
                Files = [],
            },
        ],
    };

    private static string Serialize(Manifest manifest) => JsonSerializer.Serialize(manifest, ContractsJson.Context.Manifest);

    [Fact]
    public void A_complete_manifest_validates_against_the_schema()
    {
        Assert.Empty(SchemaValidator.Errors(Serialize(Sample())));
    }

    [Fact]
    public void The_wire_form_is_camelCase_with_UTC_timestamps_and_readable_accents()
    {
        var json = Serialize(Sample());

        Assert.Contains("\"schemaVersion\":1", json, StringComparison.Ordinal);
        Assert.Contains("\"startedUtc\":\"2026-11-30T22:30:00.0000000Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"verdict\":\"notTested\"", json, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"linkCycle\"", json, StringComparison.Ordinal);
        Assert.Contains("ação.bak", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_survives_a_round_trip_unchanged()
    {
        var original = Sample();
        var back = JsonSerializer.Deserialize(Serialize(original), ContractsJson.Context.Manifest)!;

        Assert.Equal(Serialize(original), Serialize(back));
        Assert.Equal(DateTimeKind.Utc, back.StartedUtc.Kind);
    }

    [Fact]
    public void A_local_time_without_offset_is_refused_on_read()
    {
        var json = Serialize(Sample()).Replace("2026-11-30T22:30:00.0000000Z", "2026-11-30T22:30:00", StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ContractsJson.Context.Manifest));
        Assert.Contains("2026-11-30T22:30:00", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Hand-made invalid manifests: a path and the bad value put there.</summary>
    public static TheoryData<string, string> InvalidValues => new()
    {
        { "$.schemaVersion", "2" },
        { "$.runId", "\"not-a-uuid\"" },
        { "$.startedUtc", "\"2026-11-30 22:30\"" },
        { "$.sets[0].files[0].sha256", "\"XYZ\"" },
        { "$.sets[0].files[0].size", "-1" },
        { "$.sets[0].files[0].path", "\"C:\\\\backup_sql\\\\a.bak\"" },
        { "$.sets[0].files[0].archive.verdict", "\"fine\"" },
        { "$.sets[0].extra", "true" },
        { "$.cache.status", "\"warm\"" },
        { "$.branchId", "\"filial 42\"" },
        { "$.sets[0].files[0].archive.format", "\"rar\"" },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void A_hand_made_invalid_manifest_is_refused_with_the_failing_place(string path, string value)
    {
        var node = JsonNode.Parse(Serialize(Sample()))!;
        Set(node, path, JsonNode.Parse(value));

        var errors = SchemaValidator.Errors(node.ToJsonString());

        var pointer = "/" + path.TrimStart('$', '.').Replace("[", "/", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace('.', '/');
        Assert.Contains(errors, e => e.StartsWith(pointer + ":", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void The_code_validator_refuses_what_the_schema_refuses(string path, string value)
    {
        var node = JsonNode.Parse(Serialize(Sample()))!;
        Set(node, path, JsonNode.Parse(value));
        var json = node.ToJsonString();

        Assert.NotEmpty(SchemaValidator.Errors(json));
        Assert.NotEmpty(CodeErrors(json));
    }

    [Theory]
    [InlineData("sha256")]
    [InlineData("archive.reason")]
    [InlineData("error@set1")]
    [InlineData("runId")]
    public void The_code_validator_refuses_what_the_schema_requires(string removed)
    {
        var node = JsonNode.Parse(Serialize(Sample()))!;
        switch (removed)
        {
            case "sha256":
                node["sets"]![0]!["files"]![0]!.AsObject().Remove("sha256");
                break;
            case "archive.reason":
                node["sets"]![0]!["files"]![0]!["archive"]!.AsObject().Remove("reason");
                break;
            case "error@set1":
                node["sets"]![1]!.AsObject().Remove("error");
                break;
            default:
                node.AsObject().Remove("runId");
                break;
        }

        Assert.NotEmpty(SchemaValidator.Errors(node.ToJsonString()));
        Assert.NotEmpty(CodeErrors(node.ToJsonString()));
    }

    [Fact]
    public void The_code_validator_accepts_what_the_schema_accepts()
    {
        Assert.Empty(CodeErrors(Serialize(Sample())));
    }

    private static IReadOnlyList<string> CodeErrors(string json)
    {
        try
        {
            return ManifestValidator.Validate(JsonSerializer.Deserialize(json, ContractsJson.Context.Manifest)!);
        }
        catch (JsonException e)
        {
            return [e.Message];
        }
    }

    [Fact]
    public void A_file_with_neither_hash_nor_error_is_refused()
    {
        var node = JsonNode.Parse(Serialize(Sample()))!;
        node["sets"]![0]!["files"]![0]!.AsObject().Remove("sha256");

        Assert.NotEmpty(SchemaValidator.Errors(node.ToJsonString()));
    }

    [Fact]
    public void A_corrupt_verdict_without_a_reason_is_refused()
    {
        var node = JsonNode.Parse(Serialize(Sample()))!;
        node["sets"]![0]!["files"]![0]!["archive"]!.AsObject().Remove("reason");

        Assert.NotEmpty(SchemaValidator.Errors(node.ToJsonString()));
    }

    [Fact]
    public void An_unreadable_set_without_its_error_is_refused()
    {
        var node = JsonNode.Parse(Serialize(Sample()))!;
        node["sets"]![1]!.AsObject().Remove("error");

        Assert.NotEmpty(SchemaValidator.Errors(node.ToJsonString()));
    }

    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        var parts = path.TrimStart('$', '.').Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.');
        var node = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            node = int.TryParse(parts[i], out var index) ? node[index]! : node[parts[i]]!;
        }

        node[parts[^1]] = value;
    }
}
