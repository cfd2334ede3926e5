using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using MonitoramentoBKP.Collector.Admin;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.Storage.Tests.Support;

namespace MonitoramentoBKP.Collector.Storage.Tests;

/// <summary>The registry on a real Azurite: concurrent edits all kept, imports switched atomically, the cost of a lookup.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RegistryStoreTests(Azurite azurite)
{
    /// <summary>One storage account's registry table and container, and a way to open services on them (each as another instance of the app would).</summary>
    private sealed record Account(TableServiceClient Tables, BlobServiceClient Blobs, string Table, string Container, FailingWrites Faults)
    {
        public RegistryService Service() =>
            new(new RegistryStore(Tables.GetTableClient(Table), Blobs.GetBlobContainerClient(Container)));
    }

    private async Task<Account> AccountAsync()
    {
        var faults = new FailingWrites();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(faults, HttpPipelinePosition.PerCall);
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(faults, HttpPipelinePosition.PerCall);
        var suffix = Guid.NewGuid().ToString("N")[..20];
        var account = new Account(new TableServiceClient(azurite.ConnectionString, tableOptions), new BlobServiceClient(azurite.ConnectionString, blobOptions), "reg" + suffix, "reg" + suffix, faults);
        await account.Tables.GetTableClient(account.Table).CreateIfNotExistsAsync();
        await account.Blobs.GetBlobContainerClient(account.Container).CreateIfNotExistsAsync();
        return account;
    }

    private static string Registry(int branches, Func<int, string>? name = null) => $$"""
        { "templates": { "loja": { "sets": [ { "id": "sql", "root": "C:\\b", "schedule": "0 22 * * *" } ] } },
          "branches": [ {{string.Join(",", Enumerable.Range(0, branches).Select(i => $$"""{ "id": "B{{i:000}}", "name": "{{(name ?? (n => $"Loja {n}"))(i)}}", "template": "loja" }"""))}} ] }
        """;

    private static async Task<List<string>> NamesAsync(RegistryService service) =>
        [.. (await service.ListAsync(default)).Select(b => b.Name)];

    [Fact]
    public async Task Twenty_concurrent_puts_renaming_twenty_branches_keep_all_twenty_and_a_later_put_reverts_none()
    {
        var account = await AccountAsync();
        Assert.True((await account.Service().ImportAsync(Registry(25), default)).Succeeded);

        // Twenty instances of the app, each with its own caches, renaming a branch each at the same moment.
        var reports = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            account.Service().PutBranchAsync($"B{i:000}", $$"""{ "name": "Renomeada {{i}}", "template": "loja" }""", default))));
        var afterRace = await NamesAsync(account.Service());
        var unrelated = await account.Service().PutBranchAsync("B024", """{ "name": "Outra", "template": "loja" }""", default);
        var afterUnrelated = await NamesAsync(account.Service());

        Assert.All(reports, r => Assert.True(r.Succeeded, string.Join("; ", r.Problems)));
        Assert.All(Enumerable.Range(0, 20), i => Assert.Equal([$"B{i:000}"], reports[i].Changed));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"Renomeada {i}"), afterRace.Take(20));
        Assert.Equal(Enumerable.Range(20, 5).Select(i => $"Loja {i}"), afterRace.Skip(20));
        Assert.Equal(["B024"], unrelated.Changed);
        Assert.Equal([.. Enumerable.Range(0, 20).Select(i => $"Renomeada {i}"), "Loja 20", "Loja 21", "Loja 22", "Loja 23", "Outra"], afterUnrelated);
    }

    [Fact]
    public async Task An_import_with_a_branch_too_large_for_storage_is_refused_whole_and_writes_nothing()
    {
        var account = await AccountAsync();
        var service = account.Service();
        Assert.True((await service.ImportAsync(Registry(3), default)).Succeeded);
        var huge = new string('x', IRegistryStoreLimit + 1);

        account.Faults.Arm(null);
        var report = await service.ImportAsync(Registry(3, i => i switch { 0 => "Renomeada", 2 => huge, _ => $"Loja {i}" }), default);

        var problem = Assert.Single(report.Problems);
        Assert.Equal("branches[2]", problem.Path);
        Assert.Contains("32,768", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, account.Faults.Writes);
        Assert.Equal(["Loja 0", "Loja 1", "Loja 2"], await NamesAsync(account.Service()));
    }

    private const int IRegistryStoreLimit = Ports.IRegistryStore.MaxDocumentChars;

    [Fact]
    public async Task An_import_that_fails_on_any_write_leaves_the_old_registry_whole_for_readers()
    {
        // 120 changed branches: two batches of documents, the registry's text, the index: four writes.
        var account = await AccountAsync();
        Assert.True((await account.Service().ImportAsync(Registry(120), default)).Succeeded);
        account.Faults.Arm(null);
        Assert.True((await account.Service().ImportAsync(Registry(120, i => $"Nova {i}"), default)).Succeeded);
        var writes = account.Faults.Writes;
        Assert.Equal(4, writes);

        for (var failAt = 1; failAt <= writes; failAt++)
        {
            account = await AccountAsync();
            var reader = account.Service();
            Assert.True((await account.Service().ImportAsync(Registry(120), default)).Succeeded);
            Assert.Equal("Loja 7", (await reader.FindAsync("B007", default))!.Name);

            account.Faults.Arm(failAt);
            await Assert.ThrowsAnyAsync<Exception>(() => account.Service().ImportAsync(Registry(120, i => $"Nova {i}"), default));
            account.Faults.Arm(null);

            Assert.Equal(Enumerable.Range(0, 120).Select(i => $"Loja {i}"), await NamesAsync(reader));
            Assert.Equal(Enumerable.Range(0, 120).Select(i => $"Loja {i}"), await NamesAsync(account.Service()));
            Assert.Equal("Loja 7", (await reader.FindAsync("B007", default))!.Name);
            var retry = await account.Service().ImportAsync(Registry(120, i => $"Nova {i}"), default);
            Assert.Equal(120, retry.Changed.Count);
            Assert.Equal("Nova 7", (await reader.FindAsync("B007", default))!.Name);
        }
    }

    [Fact]
    public async Task Readers_during_an_import_see_the_old_registry_or_the_new_one_never_a_mix()
    {
        var account = await AccountAsync();
        Assert.True((await account.Service().ImportAsync(Registry(150), default)).Succeeded);
        var reader = account.Service();
        using var stop = new CancellationTokenSource();
        var views = new List<List<string>>();
        var reading = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                views.Add(await NamesAsync(reader));
            }
        });

        await account.Service().ImportAsync(Registry(150, i => $"Nova {i}"), default);
        views.Add(await NamesAsync(reader));
        await stop.CancelAsync();
        await reading;

        Assert.All(views, v => Assert.True(v.All(n => n.StartsWith("Loja", StringComparison.Ordinal)) || v.All(n => n.StartsWith("Nova", StringComparison.Ordinal)), string.Join(", ", v.Distinct())));
        Assert.StartsWith("Nova", views[^1][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lookup_costs_one_request_while_nothing_changed_and_sees_another_instances_switch_at_once()
    {
        var account = await AccountAsync();
        Assert.True((await account.Service().ImportAsync(Registry(5), default)).Succeeded);
        var ingest = account.Service();

        account.Faults.Arm(null);
        var first = await ingest.FindAsync("B003", default);
        var cold = account.Faults.Requests;
        account.Faults.Arm(null);
        var again = await ingest.FindAsync("B003", default);
        var warm = account.Faults.Requests;
        await account.Service().PutBranchAsync("B003", """{ "name": "Renomeada", "template": "loja" }""", default);
        account.Faults.Arm(null);
        var afterSwitch = await ingest.FindAsync("B003", default);
        var changed = account.Faults.Requests;

        Assert.Equal("Loja 3", first!.Name);
        Assert.Equal("Loja 3", again!.Name);
        Assert.Equal("Renomeada", afterSwitch!.Name);
        Assert.Equal(2, cold);
        Assert.Equal(1, warm);
        Assert.Equal(2, changed);
    }

    [Fact]
    public async Task A_branch_id_that_differs_only_by_a_trailing_newline_is_refused()
    {
        var account = await AccountAsync();
        var service = account.Service();
        Assert.True((await service.ImportAsync(Registry(2), default)).Succeeded);

        var put = await service.PutBranchAsync("B009\n", """{ "template": "loja" }""", default);
        var import = await service.ImportAsync("""{ "templates": { "loja": { "sets": [ { "id": "sql", "root": "C:\\b", "schedule": "0 22 * * *" } ] } }, "branches": [ { "id": "B009\n", "template": "loja" } ] }""", default);

        Assert.Contains(put.Problems, p => p.Path == "id" && p.Message.Contains("B009\\n", StringComparison.Ordinal));
        Assert.Contains(import.Problems, p => p.Path == "branches[0].id");
        Assert.Null(await service.FindAsync("B009", default));
        Assert.Equal(2, (await service.ListAsync(default)).Count);
    }
}
