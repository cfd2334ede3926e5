using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Collector.Admin;
using MonitoramentoBKP.Collector.Identity;
using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.Collector.Rules;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Collector.Storage.Tests.Support;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;
using Xunit.Abstractions;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;

namespace MonitoramentoBKP.Collector.Storage.Tests;

/// <summary>
/// What one manifest costs in storage requests, end to end over the real Table and Blob stores: the signature's
/// key lookup and nonce, the registry, the branch's state, the raw manifest, the baseline, the planned checks and
/// the outbox. infra/README.md prices a month of manifests from these counts.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IngestCostTests(Azurite azurite, ITestOutputHelper output)
{
    private static readonly DateTime Night = Local(2026, 11, 30, 23);

    [Fact]
    public async Task A_signed_manifest_of_three_sets_costs_the_same_few_storage_requests_for_every_branch_night_after_night()
    {
        const int branches = 20;
        var tables = new RequestTally("table");
        var blobs = new RequestTally("blob");
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(tables, HttpPipelinePosition.PerCall);
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(blobs, HttpPipelinePosition.PerCall);
        var tableService = new TableServiceClient(azurite.ConnectionString, tableOptions);
        var blobService = new BlobServiceClient(azurite.ConnectionString, blobOptions);
        var suffix = Guid.NewGuid().ToString("N")[..10];
        TableClient Table(string name)
        {
            var table = tableService.GetTableClient(name + suffix);
            table.CreateIfNotExists();
            return table;
        }

        BlobContainerClient Container(string name)
        {
            var container = blobService.GetBlobContainerClient(name + suffix);
            container.CreateIfNotExists();
            return container;
        }

        var time = new FakeTimeProvider(new DateTimeOffset(Night.AddMinutes(30), TimeSpan.Zero));
        var registry = new RegistryService(new RegistryStore(Table("registry"), Container("registry")));
        var ids = Enumerable.Range(0, branches).Select(i => $"C{i:000}").ToList();
        var import = await registry.ImportAsync($$"""
            { "templates": { "loja": { "sets": [
                { "id": "vendas", "root": "C:\\b\\v", "schedule": "0 22 * * *" },
                { "id": "estoque", "root": "C:\\b\\e", "schedule": "0 22 * * *" },
                { "id": "fiscal", "root": "C:\\b\\f", "schedule": "0 22 * * *" } ] } },
              "branches": [ {{string.Join(",", ids.Select(id => $"{{\"id\":\"{id}\",\"template\":\"loja\"}}"))}} ] }
            """, default);
        Assert.True(import.Succeeded, string.Join("; ", import.Problems));

        var state = new TableBranchStateStore(Table("branchstate"), time);
        var identity = new TableIdentityStore(Table("identity"));
        var authenticator = new ProbeAuthenticator(identity, new IdentityLimits(), time);
        var limits = new IngestLimits();
        var ingest = new IngestService(registry, new BlobManifestArchive(Container("manifests")), state, new BlobBaselineStore(Container("baselines")),
            new TableDueIndex(Table("sweepdue")), new TableOutbox(Table("outbox"), Table("branchstate"), time), new CountingSignal(),
            new BranchJudgement(Judge.Default), time, limits, new LargeManifestGate(limits), new BranchQueue());
        var probes = ids.ToDictionary(id => id, id => new TestProbe(id));
        foreach (var probe in probes.Values)
        {
            await identity.PutKeyAsync(probe.Enrolled(time.GetUtcNow().UtcDateTime), default);
        }

        var perManifest = new List<(int Table, int Blob)>();
        var perPolicy = new List<int>();
        for (var night = 0; night < 3; night++)
        {
            foreach (var id in ids)
            {
                var finished = time.GetUtcNow().UtcDateTime.AddMinutes(-5);
                var files = new[] { "vendas", "estoque", "fiscal" }.Select(set => Set(File($"{set}_{night}.bak", 1_000_000 + night, finished.AddHours(-1), Sha($"{id}{set}{night}"))) with { Id = set, RootPath = $@"C:\b\{set[0]}" }).ToArray();
                var manifest = Manifest(finished, files) with { BranchId = id };
                var body = Manifests.Gzip(Manifests.Json(manifest));
                var signed = probes[id].Sign("POST", ManifestUpload.Path, body, time.GetUtcNow());

                // What GetProbePolicy does before every run: admit and verify a signed GET, then read the branch.
                tables.Reset();
                blobs.Reset();
                var policyRequest = probes[id].Sign("GET", ProbeApi.PolicyPath, [], time.GetUtcNow());
                var (policyAdmission, policyRefusal) = await authenticator.AdmitAsync(policyRequest, default);
                Assert.Null(policyRefusal ?? await authenticator.VerifyAsync(policyAdmission!, policyRequest, ReadOnlyMemory<byte>.Empty, default));
                Assert.NotNull(await registry.FindAsync(id, default));
                if (night > 0)
                {
                    perPolicy.Add(tables.Total + blobs.Total);
                }

                tables.Reset();
                blobs.Reset();
                var (admission, refusal) = await authenticator.AdmitAsync(signed, default);
                Assert.Null(refusal);
                var request = Manifests.Request(body) with { Branch = id, Verify = (b, token) => authenticator.VerifyAsync(admission!, signed, b, token) };
                var outcome = await ingest.IngestAsync(request, default);
                Assert.True(outcome.Result == IngestResult.Accepted, $"{id} night {night}: {outcome.StatusCode} {outcome.Detail}");
                if (night > 0)
                {
                    perManifest.Add((tables.Total, blobs.Total));
                }

                if (id == ids[^1])
                {
                    output.WriteLine($"night {night}: table {Describe(tables)}; blob {Describe(blobs)}");
                }
            }

            time.Advance(TimeSpan.FromDays(1));
        }

        var (tableMean, blobMean) = (perManifest.Average(p => p.Table), perManifest.Average(p => p.Blob));
        output.WriteLine($"per manifest after the first night ({perManifest.Count} manifests): {tableMean:0.0} table + {blobMean:0.0} blob requests; min {perManifest.Min(p => p.Table + p.Blob)}, max {perManifest.Max(p => p.Table + p.Blob)}");

        output.WriteLine($"per policy fetch: {perPolicy.Average():0.0} requests (min {perPolicy.Min()}, max {perPolicy.Max()})");

        // The same work for every branch and night: the cost is per manifest, not per fleet.
        Assert.True(perManifest.Max(p => p.Table + p.Blob) - perManifest.Min(p => p.Table + p.Blob) <= 2, string.Join(", ", perManifest));
        Assert.InRange(tableMean + blobMean, 4, 30);
        Assert.InRange(perPolicy.Max(), 1, 5);
    }

    private static string Describe(RequestTally tally) =>
        $"{tally.Total} ({string.Join(", ", tally.ByMethod.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))})";
}
