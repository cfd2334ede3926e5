using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using MonitoramentoBKP.Collector.Identity;
using MonitoramentoBKP.Collector.Ports;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>
/// Enrollment tokens, public keys and nonces in one small table, a partition each: tokens keyed by their hash
/// (spent with a write conditional on the row's ETag), keys by their id, nonces by key id and the nonce's hash
/// (insert-only: the second insert of a nonce is refused by the store itself, so two replays racing cannot both pass).
/// </summary>
public sealed class TableIdentityStore(TableClient table) : IIdentityStore
{
    public const string TableName = "identity";

    private const string Tokens = "token";
    private const string Keys = "key";
    private const string Nonces = "nonce";
    private const int MaxTransactionActions = 100;

    public async Task AddTokenAsync(EnrollmentToken token, CancellationToken cancellationToken) =>
        await table.AddEntityAsync(new TableEntity(Tokens, token.Hash)
        {
            ["BranchId"] = token.BranchId,
            ["CreatedUtc"] = token.CreatedUtc,
            ["ExpiresUtc"] = token.ExpiresUtc,
        }, cancellationToken).ConfigureAwait(false);

    public async Task<EnrollmentToken?> FindTokenAsync(string hash, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Tokens, hash, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found is { HasValue: true, Value: { } e }
            ? new EnrollmentToken
            {
                Hash = e.RowKey,
                BranchId = e.GetString("BranchId"),
                CreatedUtc = e.GetDateTime("CreatedUtc")!.Value,
                ExpiresUtc = e.GetDateTime("ExpiresUtc")!.Value,
                SpentUtc = e.GetDateTime("SpentUtc"),
                SpentBy = e.GetString("SpentBy"),
                Version = e.ETag.ToString(),
            }
            : null;
    }

    public async Task<bool> TrySpendTokenAsync(EnrollmentToken token, DateTime spentUtc, string keyId, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(new TableEntity(Tokens, token.Hash) { ["SpentUtc"] = spentUtc, ["SpentBy"] = keyId }, new ETag(token.Version), TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<ProbeKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Keys, keyId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found is { HasValue: true, Value: { } e } ? Key(e) : null;
    }

    public async Task PutKeyAsync(ProbeKey key, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(new TableEntity(Keys, key.KeyId)
        {
            ["BranchId"] = key.BranchId,
            ["PublicKey"] = key.PublicKey,
            ["EnrolledUtc"] = key.EnrolledUtc,
            ["RevokedUtc"] = key.RevokedUtc,
            ["RevokedReason"] = key.RevokedReason,
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<ProbeKey>> KeysOfAsync(string branchId, CancellationToken cancellationToken)
    {
        var keys = new List<ProbeKey>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Keys} and BranchId eq {branchId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add(Key(e));
        }

        return keys;
    }

    public async Task<bool> TryAddNonceAsync(string keyId, string nonce, DateTime keepUntilUtc, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(new TableEntity(Nonces, NonceRow(keyId, nonce)) { ["KeepUntilUtc"] = keepUntilUtc }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<int> RemoveExpiredNoncesAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var expired = new List<string>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Nonces} and KeepUntilUtc lt {nowUtc}"), select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            expired.Add(e.RowKey);
        }

        foreach (var chunk in expired.Chunk(MaxTransactionActions))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk.Select(rk => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Nonces, rk), ETag.All)), cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                // Another sweep removed some first: remove the rest one by one.
                foreach (var rk in chunk)
                {
                    await table.DeleteEntityAsync(Nonces, rk, ETag.All, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return expired.Count;
    }

    /// <summary>The nonce is the probe's text: hashed, so whatever it holds is a valid row key of fixed length.</summary>
    internal static string NonceRow(string keyId, string nonce) => keyId + "." + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(nonce)));

    private static ProbeKey Key(TableEntity e) => new()
    {
        KeyId = e.RowKey,
        BranchId = e.GetString("BranchId"),
        PublicKey = e.GetString("PublicKey"),
        EnrolledUtc = e.GetDateTime("EnrolledUtc")!.Value,
        RevokedUtc = e.GetDateTime("RevokedUtc"),
        RevokedReason = e.GetString("RevokedReason"),
    };
}
