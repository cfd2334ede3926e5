using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Collector.Admin;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Collector.Storage.Tests.Support;
using MonitoramentoBKP.Collector.Sweep;
using Xunit.Abstractions;
using MonitoramentoBKP.Collector.Tests.Support;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;

namespace MonitoramentoBKP.Collector.Storage.Tests;

/// <summary>The sweep's cost in storage requests (what Table Storage bills and throttles), at the issue's scale.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SweepScaleTests(Azurite azurite, ITestOutputHelper output)
{
    private static readonly DateTime Night = Local(2026, 11, 30, 23);

    private sealed record Rig(SweepService Sweep, TableBranchStateStore State, TableDueIndex Due, TableClient DueTable, RegistryService Registry, RequestCounter Requests, FakeTimeProvider Time);

    private async Task<Rig> RigAsync(int branches)
    {
        var requests = new RequestCounter();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(requests, HttpPipelinePosition.PerCall);
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(requests, HttpPipelinePosition.PerCall);
        var tables = new TableServiceClient(azurite.ConnectionString, tableOptions);
        var suffix = Guid.NewGuid().ToString("N")[..12];
        TableClient Table(string name)
        {
            var t = tables.GetTableClient(name + suffix);
            t.CreateIfNotExists();
            return t;
        }

        var container = new BlobServiceClient(azurite.ConnectionString, blobOptions).GetBlobContainerClient("r" + suffix);
        await container.CreateIfNotExistsAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(Night.AddMinutes(5), TimeSpan.Zero));
        var registry = new RegistryService(new RegistryStore(Table("reg"), container));
        var entries = string.Join(",", Enumerable.Range(0, branches).Select(i => $"{{\"id\":\"B{i:00000}\",\"template\":\"loja\"}}"));
        var import = await registry.ImportAsync($$"""
            { "templates": { "loja": { "sets": [
                { "id": "vendas", "root": "C:\\b\\v", "schedule": "0 22 * * *" },
                { "id": "estoque", "root": "C:\\b\\e", "schedule": "0 22 * * *" },
                { "id": "fiscal", "root": "C:\\b\\f", "schedule": "0 22 * * *" } ] } },
              "branches": [ {{entries}} ] }
            """, default);
        Assert.True(import.Succeeded, string.Join("; ", import.Problems));
        var dueTable = Table("due");
        var state = new TableBranchStateStore(Table("state"), time);
        var due = new TableDueIndex(dueTable);
        return new Rig(new SweepService(registry, state, due, new TableOutbox(Table("outbox"), Table("state"), time), new CountingSignal(), time), state, due, dueTable, registry, requests, time);
    }

    /// <summary>Writes branches that reported tonight: state rows and their planned checks, in batches (test setup, not counted).</summary>
    private static async Task SeedAsync(Rig rig, IEnumerable<int> branches, DateTime lastContact)
    {
        var plans = new List<Ports.DueEntry>();
        foreach (var i in branches)
        {
            var policy = (await rig.Registry.FindAsync($"B{i:00000}", default))!;
            var sets = policy.Sets.Select(s => new SetState
            {
                SetId = s.Id,
                Status = Domain.SetStatus.Ok,
                SinceUtc = lastContact,
                Newest = new Domain.BackupObservation("x.bak", 10, lastContact.AddHours(-1), Sha("x")),
                LastRunUtc = lastContact,
                NextCheckDueUtc = Scheduling.Schedule.NextCheckDue(s, lastContact),
            }).ToList();
            var contact = new BranchContact { LastContactUtc = lastContact, LastRunUtc = lastContact };
            Assert.True(await rig.State.TryCommitAsync(policy.Id, BranchSnapshot.Empty, new BranchUpdate { Contact = contact, Sets = sets }, null, default));
            plans.AddRange(DuePlan.Entries(policy, contact, sets, lastContact));
        }

        foreach (var bucket in plans.GroupBy(p => p.DueUtc.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture)))
        {
            await rig.Due.ScheduleAsync(bucket, default);
        }
    }

    [Fact]
    public async Task A_sweep_of_10000_branches_with_three_sets_and_nothing_due_costs_at_most_50_requests()
    {
        var rig = await RigAsync(10_000);
        await SeedDueOnlyAsync(rig, 10_000);

        rig.Requests.Reset();
        var result = await rig.Sweep.SweepAsync(default);
        output.WriteLine($"nothing due, 10,000 branches x 3 sets (40,000 planned checks): {rig.Requests.Count} storage request(s)");

        Assert.Equal(0, result.BranchesChecked);
        Assert.InRange(rig.Requests.Count, 1, 50);
    }

    [Fact]
    public async Task With_everything_due_the_sweeps_requests_grow_linearly_with_what_is_due()
    {
        var costs = new List<(int Due, int Requests)>();
        foreach (var due in new[] { 50, 100, 200 })
        {
            var rig = await RigAsync(due);
            await SeedAsync(rig, Enumerable.Range(0, due), Night);
            rig.Time.Advance(TimeSpan.FromHours(25.5));

            rig.Requests.Reset();
            var result = await rig.Sweep.SweepAsync(default);
            costs.Add((due, rig.Requests.Count));
            output.WriteLine($"{due} branches due (x 3 sets, all missed): {rig.Requests.Count} storage requests, {(double)rig.Requests.Count / due:0.0} per branch; {result.SetsMissed} sets missed");
            Assert.Equal(due * 3, result.SetsMissed);
        }

        var perBranch = costs.Select(c => (double)c.Requests / c.Due).ToList();
        Assert.True(perBranch.Max() - perBranch.Min() < 0.5, $"requests per due branch: {string.Join(", ", perBranch)}");
    }

    /// <summary>Planned checks for tomorrow night for every branch and set, written in batches per bucket (setup only).</summary>
    private static async Task SeedDueOnlyAsync(Rig rig, int branches)
    {
        var tomorrow = Night.AddDays(1).AddHours(2);
        var rows = Enumerable.Range(0, branches).SelectMany(i => new[] { "vendas", "estoque", "fiscal", "*" }.Select(set =>
        {
            var due = tomorrow.AddMinutes(i % 120);
            return new TableEntity(due.ToString("yyyyMMddHH", System.Globalization.CultureInfo.InvariantCulture) + (due.Minute / 5 * 5).ToString("00", System.Globalization.CultureInfo.InvariantCulture), $"B{i:00000}|{set}|{due.Ticks:D19}")
            {
                ["BranchId"] = $"B{i:00000}",
                ["SetId"] = set == "*" ? null : set,
                ["DueUtc"] = new DateTimeOffset(due),
            };
        }));
        foreach (var partition in rows.GroupBy(r => r.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                await rig.DueTable.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)));
            }
        }
    }
}
