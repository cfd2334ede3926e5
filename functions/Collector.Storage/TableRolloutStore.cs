using System.Text.Json;
using Azure.Data.Tables;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Releases;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>Rollouts in one small table: a partition per channel, a row per version; pilots and files as JSON text.</summary>
public sealed class TableRolloutStore(TableClient table) : IRolloutStore
{
    public const string TableName = "rollouts";

    public async Task<Rollout?> FindAsync(string channel, string version, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(channel, version, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found is { HasValue: true, Value: { } e } ? ToRollout(e) : null;
    }

    public async Task<IReadOnlyList<Rollout>> OfChannelAsync(string channel, CancellationToken cancellationToken) =>
        await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {channel}"), cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Rollout>> WithVersionAsync(string version, CancellationToken cancellationToken) =>
        await QueryAsync(TableClient.CreateQueryFilter($"RowKey eq {version}"), cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Rollout>> AllAsync(CancellationToken cancellationToken) =>
        await QueryAsync(null, cancellationToken).ConfigureAwait(false);

    public async Task PutAsync(Rollout rollout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        await table.UpsertEntityAsync(new TableEntity(rollout.Channel, rollout.Version)
        {
            ["Percent"] = rollout.Percent,
            ["Pilots"] = JsonSerializer.Serialize(rollout.Pilots.ToList(), StateJson.Default.ListString),
            ["Pulled"] = rollout.Pulled,
            ["PublishedUtc"] = Utc(rollout.PublishedUtc),
            ["ChangedUtc"] = Utc(rollout.ChangedUtc),
            ["ExpiresUtc"] = Utc(rollout.ExpiresUtc),
            ["EnvelopeSha256"] = rollout.EnvelopeSha256,
            ["Files"] = JsonSerializer.Serialize(rollout.Files.ToList(), StateJson.Default.ListReleaseFile),
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Rollout>> QueryAsync(string? filter, CancellationToken cancellationToken)
    {
        var rollouts = new List<Rollout>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rollouts.Add(ToRollout(e));
        }

        return rollouts;
    }

    private static Rollout ToRollout(TableEntity e) => new()
    {
        Channel = e.PartitionKey,
        Version = e.RowKey,
        Percent = e.GetInt32("Percent") ?? 0,
        Pilots = e.GetString("Pilots") is { } p ? JsonSerializer.Deserialize(p, StateJson.Default.ListString)! : [],
        Pulled = e.GetBoolean("Pulled") ?? false,
        PublishedUtc = e.GetDateTimeOffset("PublishedUtc")!.Value.UtcDateTime,
        ChangedUtc = e.GetDateTimeOffset("ChangedUtc")!.Value.UtcDateTime,
        ExpiresUtc = e.GetDateTimeOffset("ExpiresUtc")!.Value.UtcDateTime,
        EnvelopeSha256 = e.GetString("EnvelopeSha256"),
        Files = JsonSerializer.Deserialize(e.GetString("Files"), StateJson.Default.ListReleaseFile)!,
    };

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
