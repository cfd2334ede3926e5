using System.IO.Compression;
using System.Text.Json;
using Json.Schema;
using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.Collector.Rules;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Collector.Sweep;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Benchmarks;

/// <summary>
/// Part 1, in-process: the whole per-manifest judgement (every rule included) against the 20 ms CPU target,
/// the rules alone, and — for context — reading the manifest as ingest does (gunzip, deserialize, validate),
/// with a general JSON Schema evaluator beside it for comparison.
/// </summary>
public static class JudgingScenario
{
    public const double TargetCpuMs = 20;

    public static JudgingResult Run(BenchOptions options, TextWriter log)
    {
        var fixture = JudgingFixture.Create();
        var settings = MeasureSettings.From(options);
        var update = new BranchJudgement(Judge.Default).Apply(fixture.Branch, fixture.Snapshot, fixture.Baseline, fixture.Manifest, fixture.BlobName, fixture.ReceivedUtc, fixture.SentUtc);
        var set = update.Sets.Single();
        var verdict = $"{set.Status}, {set.Reasons.Count} finding(s){string.Concat(set.Reasons.Select(r => $"; {r.RuleId}: {r.En}"))}";
        log.WriteLine($"judging: one set of {Units.Count(JudgingFixture.Files)} files ({Units.Bytes(fixture.Json.Length)} JSON, {Units.Bytes(fixture.Gzip.Length)} gzip), 30 remembered backups, {Units.Count(fixture.Baseline.Of(JudgingFixture.SetId).Count)} known files; verdict {verdict}");

        var figures = new List<CallStats>();
        CallStats Measure(string id, string title, Func<object?> call, MeasureSettings with)
        {
            var stats = CallMeasurement.Measure(id, title, call, with);
            log.WriteLine(ConsoleReport.Line(stats));
            return stats;
        }

        var apply = Measure("judge.apply", "whole judgement: new BranchJudgement(Judge.Default).Apply(...)",
            () => new BranchJudgement(Judge.Default).Apply(fixture.Branch, fixture.Snapshot, fixture.Baseline, fixture.Manifest, fixture.BlobName, fixture.ReceivedUtc, fixture.SentUtc),
            settings);
        figures.Add(apply with
        {
            Target = $"≤ {TargetCpuMs:0} ms CPU per manifest",
            Verdict = apply.CpuMsPerCall <= TargetCpuMs ? "PASS" : "MISS",
        });
        log.WriteLine($"  → {figures[^1].Verdict} against {figures[^1].Target}");
        figures.Add(Measure("judge.evaluate", "rules only: Judge.Default.Evaluate(context)", () => Judge.Default.Evaluate(fixture.NewContext()), settings));

        // Ingest also plans the sweep's next looks for the branch, before and after the update (IngestService).
        figures.Add(Measure("ingest.due-plan", "sweep plan: DuePlan.Entries before and after the update, and Stale, as IngestService does", () =>
        {
            var before = DuePlan.Entries(fixture.Branch, fixture.Snapshot.Contact, fixture.Snapshot.Sets.Values, fixture.ReceivedUtc);
            var after = DuePlan.Entries(fixture.Branch, update.Contact, update.Sets, fixture.ReceivedUtc);
            return DuePlan.Stale(before, after);
        }, settings));

        var read = ReadPath(fixture, settings, Measure);
        figures.AddRange(read);

        var small = settings with { MaxIterations = 100_000, Budget = settings.Budget / 10, WarmupCalls = 100, MinWarmup = TimeSpan.FromSeconds(0.2) };
        var breakdown = new List<CallStats>
        {
            Measure("rules.backups", "RuleContext.Backups: the set's backups filtered and sorted newest first", () => fixture.NewContext().Backups, small),
        };
        var warm = fixture.NewContext();
        _ = warm.Backups;
        foreach (var rule in Judge.Default.Rules)
        {
            breakdown.Add(Measure($"rules.{rule.Id}", $"rule {rule.Id}, backups already sorted", () => rule.Evaluate(warm).ToList(), small));
        }

        return new JudgingResult
        {
            Files = JudgingFixture.Files,
            JsonBytes = fixture.Json.Length,
            GzipBytes = fixture.Gzip.Length,
            Verdict = verdict,
            Figures = figures,
            Breakdown = breakdown,
            InProcessIngestCpuMs = figures.Where(f => f.Id is "judge.apply" or "ingest.due-plan" or "read.whole" or "read.previous").Sum(f => f.CpuMsPerCall),
        };
    }

    private static List<CallStats> ReadPath(JudgingFixture fixture, MeasureSettings settings, Func<string, string, Func<object?>, MeasureSettings, CallStats> measure)
    {
        var limits = new IngestLimits();
        var small = FleetBuilder.Plan("B001", "Bench 1", 1, 1, DateTime.UtcNow).Uploads[0].Body;
        ManifestReader.Read ReadWhole()
        {
            var task = ManifestReader.ReadAsync(
                new IngestRequest { Body = new MemoryStream(fixture.Gzip), ContentEncoding = "gzip", ContentLength = fixture.Gzip.Length },
                limits,
                new LargeManifestGate(limits),
                CancellationToken.None);

            // Everything is in memory, so the read completes on this thread and its allocations are counted.
            return task.GetAwaiter().GetResult();
        }

        if (ReadWhole().Refusal is { } refusal)
        {
            throw new BenchSetupException($"the collector refused the benchmark's own manifest: {refusal.StatusCode} {refusal.Title}: {refusal.Detail}");
        }

        // The contract's JSON Schema with JsonSchema.Net, in a registry of its own so it never clashes with another copy under the same $id.
        var schema = JsonSchema.FromText(ManifestSchema.Text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        object? Validate(OutputFormat format)
        {
            using var document = JsonDocument.Parse(fixture.Json);
            var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = format });
            return result.IsValid ? result : throw new BenchSetupException("the benchmark's own manifest does not match the schema");
        }

        return
        [
            measure("read.whole", "read path: ManifestReader.ReadAsync, all of it (gunzip, deserialize, validate)", () => ReadWhole(), settings),
            measure("read.gunzip", "  gunzip the body", () => Inflate(fixture.Gzip), settings),
            measure("read.deserialize", "  JsonSerializer.Deserialize (ContractsJson.Context)", () => JsonSerializer.Deserialize(fixture.Json, ContractsJson.Context.Manifest), settings),
            measure("read.validate", "  ManifestValidator.Validate: the schema's rules in code", () => ManifestValidator.Validate(fixture.Manifest), settings),
            measure("read.schema", "  for comparison: the JSON Schema with JsonSchema.Net, OutputFormat.List (ManifestReader before 87dc7f1)", () => Validate(OutputFormat.List), settings),
            measure("read.schema-flag", "  for comparison: the same with OutputFormat.Flag", () => Validate(OutputFormat.Flag), settings),
            measure("read.small", "read path for one of the ingest benchmark's manifests (2 sets × 50 files)", () => ReadSmall(small, limits), settings),
            measure("read.previous", "previous manifest: gunzip + DeserializeAsync, as BlobManifestArchive (no network)", () => LoadPrevious(fixture.PreviousGzip), settings),
        ];
    }

    private static ManifestReader.Read ReadSmall(byte[] gzip, IngestLimits limits) =>
        ManifestReader.ReadAsync(new IngestRequest { Body = new MemoryStream(gzip), ContentEncoding = "gzip", ContentLength = gzip.Length }, limits, new LargeManifestGate(limits), CancellationToken.None)
            .GetAwaiter().GetResult();

    private static byte[] Inflate(byte[] gzip)
    {
        using var inflate = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflate.CopyTo(output);
        return output.ToArray();
    }

    private static Manifest? LoadPrevious(byte[] gzip)
    {
        using var inflate = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        var task = JsonSerializer.DeserializeAsync(inflate, ContractsJson.Context.Manifest);
        return task.GetAwaiter().GetResult();
    }
}
