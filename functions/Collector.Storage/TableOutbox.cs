using Azure;
using Azure.Data.Tables;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>
/// The outbox marks in their own small table (a partition per reader, a row per branch with something to deliver);
/// the change rows they point at stay in the branch's state partition, where they were committed with the state,
/// with one "delivered" flag per reader (<c>Delivered</c> for the sheet, <c>Notified</c> for the alert channels).
/// Change rows written before a reader existed have no flag of it and are never offered to it.
/// </summary>
public sealed class TableOutbox(TableClient marks, TableClient state, TimeProvider time, OutboxReader reader = OutboxReader.Sheet) : IOutbox
{
    public const string TableName = "outbox";

    private const int MaxTransactionActions = 100;

    private readonly string pending = MarkPartition(reader);
    private readonly string delivered = DeliveredFlag(reader);

    /// <summary>The marks' partition of a reader: "pending" for the sheet (as before there were two), "notify" for the channels.</summary>
    public static string MarkPartition(OutboxReader reader) => reader == OutboxReader.Sheet ? "pending" : "notify";

    /// <summary>The change row's flag a reader sets when it has taken the change.</summary>
    public static string DeliveredFlag(OutboxReader reader) => reader == OutboxReader.Sheet ? "Delivered" : "Notified";

    /// <summary>Marks the branch for every reader, whichever reader this outbox is.</summary>
    public async Task MarkAsync(string branchId, CancellationToken cancellationToken) =>
        await Task.WhenAll(Enum.GetValues<OutboxReader>().Select(r =>
            marks.UpsertEntityAsync(new TableEntity(MarkPartition(r), Rows.Partition(branchId)) { ["MarkedUtc"] = time.GetUtcNow() }, TableUpdateMode.Replace, cancellationToken))).ConfigureAwait(false);

    public async Task<IReadOnlyList<OutboxMark>> MarkedAsync(CancellationToken cancellationToken)
    {
        var found = new List<OutboxMark>();
        await foreach (var e in marks.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pending}"), select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            found.Add(new OutboxMark(e.RowKey, e.ETag.ToString()));
        }

        return found;
    }

    public async Task<IReadOnlyList<StatusChange>> UndeliveredAsync(string branchId, CancellationToken cancellationToken)
    {
        var pk = Rows.Partition(branchId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {Rows.ChangePrefix} and RowKey lt {"change" + Rows.PrefixEnd}") + $" and {delivered} eq false";
        var changes = new List<StatusChange>();
        await foreach (var e in state.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            changes.Add(Entities.ToChange(e));
        }

        return [.. changes.OrderBy(c => c.AtUtc).ThenBy(c => c.ChangeId, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<string>> ScanUndeliveredAsync(CancellationToken cancellationToken)
    {
        var branches = new SortedSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {Rows.ChangePrefix} and RowKey lt {"change" + Rows.PrefixEnd}") + $" and {delivered} eq false";
        await foreach (var e in state.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            branches.Add(e.PartitionKey);
        }

        return [.. branches];
    }

    public async Task MarkDeliveredAsync(string branchId, IReadOnlyCollection<string> changeIds, CancellationToken cancellationToken)
    {
        var pk = Rows.Partition(branchId);
        var now = time.GetUtcNow();
        foreach (var chunk in changeIds.Chunk(MaxTransactionActions))
        {
            var actions = chunk.Select(id => new TableTransactionAction(
                TableTransactionActionType.UpdateMerge,
                new TableEntity(pk, Rows.Change(id)) { [delivered] = true, [delivered + "Utc"] = now },
                ETag.All));
            try
            {
                await state.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                // A change row that no longer exists has nothing left to deliver; mark the others one by one.
                foreach (var id in chunk)
                {
                    try
                    {
                        await state.UpdateEntityAsync(new TableEntity(pk, Rows.Change(id)) { [delivered] = true, [delivered + "Utc"] = now }, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                    }
                    catch (RequestFailedException missing) when (missing.Status == 404)
                    {
                    }
                }
            }
        }
    }

    public async Task<bool> UnmarkAsync(OutboxMark mark, CancellationToken cancellationToken)
    {
        try
        {
            await marks.DeleteEntityAsync(pending, mark.BranchId, new ETag(mark.Version), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return true;
        }
    }
}
