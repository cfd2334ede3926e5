using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using MonitoramentoBKP.Contracts.Tests.Corpus;
using static MonitoramentoBKP.Contracts.Tests.Corpus.InvalidManifestRefusal;

namespace MonitoramentoBKP.Contracts.Tests;

public sealed class ManifestSchemaTests
{
    // A general evaluator takes about 30 s over the 250,001-file manifest: each corpus entry is evaluated once.
    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> SchemaErrorsOfCorpus = new(StringComparer.Ordinal);

    private static Manifest Sample() => SampleManifest.Create();

    private static IReadOnlyList<string> SchemaErrors(InvalidManifest invalid) =>
        SchemaErrorsOfCorpus.GetOrAdd(invalid.Name, _ => SchemaValidator.Errors(invalid.Json));

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
    public void A_manifest_without_a_drop_record_leaves_the_property_out_and_is_valid()
    {
        var json = Serialize(Sample() with { SpoolDropped = null });

        Assert.DoesNotContain("spoolDropped", json, StringComparison.Ordinal);
        Assert.Empty(SchemaValidator.Errors(json));
        Assert.Empty(CodeErrors(json));
    }

    [Fact]
    public void The_drop_record_is_written_as_count_and_the_first_and_last_dropped_runs_finishing_times()
    {
        var json = Serialize(Sample());

        Assert.Contains("\"spoolDropped\":{\"count\":2,\"firstFinishedUtc\":\"2026-11-28T22:31:00.0000000Z\",\"lastFinishedUtc\":\"2026-11-29T22:31:00.0000000Z\"}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_update_report_is_written_with_its_outcome_in_camelCase_and_both_versions()
    {
        var json = Serialize(Sample());

        Assert.Contains("\"update\":{\"outcome\":\"rolledBack\",\"version\":\"0.2.0\",\"previousVersion\":\"0.1.0\",\"atUtc\":\"2026-11-30T22:29:00.0000000Z\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_without_an_update_report_leaves_the_property_out_and_is_valid()
    {
        var json = Serialize(Sample() with { Update = null });

        Assert.DoesNotContain("\"update\"", json, StringComparison.Ordinal);
        Assert.Empty(SchemaValidator.Errors(json));
        Assert.Empty(CodeErrors(json));
    }

    [Theory]
    [InlineData(MonitoramentoBKP.Contracts.Releases.UpdateOutcome.Updated)]
    [InlineData(MonitoramentoBKP.Contracts.Releases.UpdateOutcome.Refused)]
    [InlineData(MonitoramentoBKP.Contracts.Releases.UpdateOutcome.SelfTestFailed)]
    public void Only_a_rollback_needs_the_previous_version(MonitoramentoBKP.Contracts.Releases.UpdateOutcome outcome)
    {
        var sample = Sample();
        var json = Serialize(sample with { Update = sample.Update! with { Outcome = outcome, PreviousVersion = null, Detail = null } });

        Assert.Empty(SchemaValidator.Errors(json));
        Assert.Empty(CodeErrors(json));
    }

    [Fact]
    public void A_local_time_without_offset_is_refused_on_read()
    {
        var json = Serialize(Sample()).Replace("2026-11-30T22:30:00.0000000Z", "2026-11-30T22:30:00", StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ContractsJson.Context.Manifest));
        Assert.Contains("2026-11-30T22:30:00", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(InvalidManifests.NamesRefusedBy), SchemaAndCode, MemberType = typeof(InvalidManifests))]
    public void A_hand_made_invalid_manifest_is_refused_with_the_failing_place(string name)
    {
        var invalid = InvalidManifests.Named(name);

        var errors = SchemaErrors(invalid);

        Assert.Contains(errors, e => e.StartsWith(invalid.Pointer + ":", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(InvalidManifests.NamesRefusedBy), SchemaAndCode, MemberType = typeof(InvalidManifests))]
    public void The_code_validator_refuses_what_the_schema_refuses(string name)
    {
        var invalid = InvalidManifests.Named(name);

        Assert.NotEmpty(SchemaErrors(invalid));
        Assert.NotEmpty(CodeErrors(invalid.Json));
    }

    [Theory]
    [MemberData(nameof(InvalidManifests.Names), MemberType = typeof(InvalidManifests))]
    public void Every_invalid_manifest_is_refused_in_code_naming_the_failing_place_never_with_another_exception(string name)
    {
        var invalid = InvalidManifests.Named(name);

        var errors = CodeErrors(invalid.Json);

        Assert.Contains(errors, e => e.StartsWith(invalid.Pointer + ":", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(InvalidManifests.NamesRefusedBy), Parser, MemberType = typeof(InvalidManifests))]
    public void A_document_a_strict_parser_refuses_never_reaches_the_schema(string name)
    {
        var invalid = InvalidManifests.Named(name);

        Assert.ThrowsAny<JsonException>(() => SchemaValidator.Errors(invalid.Json));
    }

    [Theory]
    [MemberData(nameof(InvalidManifests.NamesRefusedBy), CodeOnly, MemberType = typeof(InvalidManifests))]
    public void What_no_schema_can_say_is_refused_by_the_code_alone(string name)
    {
        // The schema accepts these: the corpus says so, and the code is the only guard.
        Assert.Empty(SchemaValidator.Errors(InvalidManifests.Named(name).Json));
    }

    [Fact]
    public void The_corpus_names_each_invalid_manifest_once_and_both_forms_of_its_place()
    {
        var file = InvalidManifests.Named("/sets/0/files/0/path: 40,000 characters");

        Assert.Equal(InvalidManifests.All.Count, InvalidManifests.All.Select(m => m.Name).Distinct().Count());
        Assert.Equal("$.sets[0].files[0].path", file.JsonPath);
        Assert.True(file.IsNamedIn("Invalid manifest: the body is not a valid manifest: $.sets[0].files[0].path: too long"));
        Assert.True(file.IsNamedIn("/sets/0/files/0/path: must be at most 4,096 characters long"));
        Assert.False(file.IsNamedIn("/sets/0/files/0/size: must be 0 or more"));
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

    [Fact]
    public void A_manifest_at_every_limit_is_accepted_by_the_schema_and_the_code()
    {
        var sample = Sample();
        var set = sample.Sets[0];
        var atLimits = sample with
        {
            BranchId = new string('F', ManifestLimits.MaxIdLength),
            ProbeVersion = new string('1', ManifestLimits.MaxProbeVersionLength),
            HostName = new string('h', ManifestLimits.MaxHostNameLength),
            Os = new string('o', ManifestLimits.MaxOsLength),
            StartedUtc = ManifestLimits.EarliestUtc,
            FinishedUtc = ManifestLimits.EndUtc.AddTicks(-1),
            Cache = new CacheReport { Status = CacheStatus.Rebuilt, Detail = new string('d', ManifestLimits.MaxDetailLength) },
            Sets =
            [
                set with
                {
                    RootPath = @"C:\" + new string('r', ManifestLimits.MaxRootPathLength - 3),
                    Files =
                    [
                        set.Files[0] with
                        {
                            Path = "Vendas/" + new string('a', ManifestLimits.MaxRelativePathLength - 9) + "\t\n",
                            LastWriteUtc = ManifestLimits.EarliestUtc,
                            VerifiedUtc = new DateTime(2028, 2, 29, 23, 59, 59, DateTimeKind.Utc),
                            Archive = set.Files[0].Archive with { Reason = new string('r', ManifestLimits.MaxDetailLength) },
                        },
                        set.Files[1],
                    ],
                },
                .. Enumerable.Range(1, ManifestLimits.MaxSets - 1).Select(i => sample.Sets[1] with { Id = $"set{i}" }),
            ],
            SpoolDropped = new SpoolDropReport { Count = int.MaxValue, FirstFinishedUtc = ManifestLimits.EarliestUtc, LastFinishedUtc = ManifestLimits.EndUtc.AddTicks(-1) },
            Update = new MonitoramentoBKP.Contracts.Releases.UpdateReport
            {
                Outcome = MonitoramentoBKP.Contracts.Releases.UpdateOutcome.RolledBack,
                Version = new string('2', ManifestLimits.MaxProbeVersionLength),
                PreviousVersion = new string('1', ManifestLimits.MaxProbeVersionLength),
                AtUtc = ManifestLimits.EndUtc.AddTicks(-1),
                Detail = new string('d', ManifestLimits.MaxDetailLength),
            },
        };
        var json = Serialize(atLimits);

        Assert.Empty(SchemaValidator.Errors(json));
        Assert.Empty(CodeErrors(json));
    }

    /// <summary>What the collector's reading says of a manifest: the deserializer's refusal, or the validator's.</summary>
    internal static IReadOnlyList<string> CodeErrors(string json)
    {
        try
        {
            return ManifestValidator.Validate(JsonSerializer.Deserialize(json, ContractsJson.Context.Manifest)!);
        }
        catch (JsonException e)
        {
            return [$"{Pointer(e.Path)}: {e.Message}"];
        }
    }

    /// <summary>"$.sets[0].files[1].path" as "/sets/0/files/1/path".</summary>
    private static string Pointer(string? jsonPath) =>
        (jsonPath ?? "$").TrimStart('$').Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace('.', '/');

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
}
