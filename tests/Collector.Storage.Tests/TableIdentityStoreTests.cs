using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Collector.Identity;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.Storage.Tests.Support;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Storage.Tests;

/// <summary>Tokens, keys and nonces on a real Azurite: the conditional spend and the insert-only nonce are the store's own rules.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableIdentityStoreTests(Azurite azurite)
{
    private static readonly DateTime Now = new(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc);

    private async Task<TableIdentityStore> StoreAsync() => new(await Fresh.TableAsync(azurite));

    [Fact]
    public async Task Of_two_spends_of_one_token_read_at_the_same_version_exactly_one_succeeds()
    {
        var store = await StoreAsync();
        await store.AddTokenAsync(new EnrollmentToken { Hash = new string('a', 64), BranchId = "F001", CreatedUtc = Now, ExpiresUtc = Now.AddHours(72) }, default);
        var read = (await store.FindTokenAsync(new string('a', 64), default))!;

        var spends = await Task.WhenAll(store.TrySpendTokenAsync(read, Now, "key-a", default), store.TrySpendTokenAsync(read, Now, "key-b", default));

        Assert.Single(spends, s => s);
        var spent = (await store.FindTokenAsync(new string('a', 64), default))!;
        Assert.Equal(Now, spent.SpentUtc);
        Assert.Contains(spent.SpentBy, new[] { "key-a", "key-b" });
        Assert.Null(await store.FindTokenAsync(new string('b', 64), default));
    }

    [Fact]
    public async Task Keys_are_found_by_id_and_by_branch_and_revocation_is_kept()
    {
        var store = await StoreAsync();
        var key = new ProbeKey { KeyId = "k1", BranchId = "F001", PublicKey = "MFkw", EnrolledUtc = Now };
        await store.PutKeyAsync(key, default);
        await store.PutKeyAsync(key with { KeyId = "k2", BranchId = "F002" }, default);
        await store.PutKeyAsync(key with { RevokedUtc = Now.AddHours(1), RevokedReason = "revoked by ops" }, default);

        Assert.Equal(key with { RevokedUtc = Now.AddHours(1), RevokedReason = "revoked by ops" }, await store.FindKeyAsync("k1", default));
        Assert.Equal(["k1"], (await store.KeysOfAsync("F001", default)).Select(k => k.KeyId));
        Assert.Null(await store.FindKeyAsync("k3", default));
    }

    [Fact]
    public async Task A_nonce_is_accepted_once_even_when_two_arrive_at_once_and_is_removed_when_it_expires()
    {
        var store = await StoreAsync();

        var racing = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.TryAddNonceAsync("k1", "n/with?odd#chars", Now.AddMinutes(10), default)));
        Assert.Single(racing, r => r);
        Assert.True(await store.TryAddNonceAsync("k2", "n/with?odd#chars", Now.AddMinutes(10), default));
        Assert.True(await store.TryAddNonceAsync("k1", "later", Now.AddMinutes(20), default));

        Assert.Equal(0, await store.RemoveExpiredNoncesAsync(Now.AddMinutes(5), default));
        Assert.Equal(2, await store.RemoveExpiredNoncesAsync(Now.AddMinutes(15), default));
        Assert.False(await store.TryAddNonceAsync("k1", "later", Now.AddMinutes(20), default));
        Assert.True(await store.TryAddNonceAsync("k1", "n/with?odd#chars", Now.AddMinutes(30), default));
    }

    [Fact]
    public async Task Enrollment_revocation_and_nonces_write_only_entities_within_table_storage_limits_whatever_the_ids()
    {
        // The longest ids the registry takes, keys enrolled, replaced and revoked, and the longest nonce the profile takes.
        var branch = new string('B', 64);
        var table = await Fresh.TableAsync(azurite);
        var store = new TableIdentityStore(table);
        var time = new FakeTimeProvider(new DateTimeOffset(Now));
        var directory = new FixedDirectory(new BranchPolicy { Id = branch, Name = branch, Template = "t", Sets = [Contexts.Policy()] });
        var authenticator = new ProbeAuthenticator(store, new IdentityLimits(), time);
        var enrollment = new EnrollmentService(store, directory, authenticator, new IdentityLimits(), time);
        foreach (var round in Enumerable.Range(0, 3))
        {
            using var probe = new TestProbe(branch);
            var token = (await enrollment.CreateTokenAsync(branch, new IdentityLimits().MaxTokenLifetime, default)).Token!;
            var body = JsonSerializer.SerializeToUtf8Bytes(new EnrollRequest { BranchId = branch, Token = token, PublicKey = probe.PublicKey, HostName = new string('h', 255) }, ContractsJsonContext.Default.EnrollRequest);
            Assert.Equal(201, (await enrollment.EnrollAsync(probe.Sign("POST", ProbeApi.EnrollPath, body, time.GetUtcNow()), body, default)).StatusCode);
            Assert.True(await store.TryAddNonceAsync(probe.KeyId, new string('n', Contracts.Signing.SignatureInput.MaxNonceLength), Now.AddMinutes(10), default));
        }

        Assert.Equal(200, (await enrollment.RevokeAsync(branch, default)).StatusCode);
        var written = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>())
        {
            written++;
            Assert.True(entity.RowKey.Length <= 512 && entity.PartitionKey.Length <= 512, $"{entity.PartitionKey}/{entity.RowKey}: keys are at most 1 KiB");
            foreach (var (name, value) in entity)
            {
                Assert.True(value is not string text || text.Length * 2 <= 64 * 1024, $"{entity.RowKey}.{name}");
            }
        }

        // Three tokens, three keys (two replaced, the last revoked by ops), and the nonces of three enrollments and three probes.
        Assert.Equal(12, written);
        Assert.All(await store.KeysOfAsync(branch, default), k => Assert.True(k.Revoked));
    }
}
