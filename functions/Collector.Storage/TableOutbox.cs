using Azure;
using Azure.Data.Tables;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>
/// The outbox marks in their own small table (one partition, a row per branch with something to deliver); the
/// change rows they point at stay in the branch's state partition, where they were committed with the state.
/// </summary>
public sealed class TableOutbox(TableClient marks, TableClient state, TimeProvider time) : IOutbox
{
    public const string TableName = "outbox";

    private const string Pending = "pending";
    private const int MaxTransactionActions = 100;

    public async Task MarkAsync(string branchId, CancellationToken cancellationToken) =>
        await marks.UpsertEntityAsync(new TableEntity(Pending, Rows.Partition(branchId)) { ["MarkedUtc"] = time.GetUtcNow() }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<OutboxMark>> MarkedAsync(CancellationToken cancellationToken)
    {
        var found = new List<OutboxMark>();
        await foreach (var e in marks.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Pending}"), select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            found.Add(new OutboxMark(e.RowKey, e.ETag.ToString()));
        }

        return found;
    }

    public async Task<IReadOnlyList<StatusChange>> UndeliveredAsync(string branchId, CancellationToken cancellationToken)
    {
        var pk = Rows.Partition(branchId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {Rows.ChangePrefix} and RowKey lt {"change" + Rows.PrefixEnd} and Delivered eq {false}");
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
        var filter = TableClient.CreateQueryFilter($"RowKey ge {Rows.ChangePrefix} and RowKey lt {"change" + Rows.PrefixEnd} and Delivered eq {false}");
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
                new TableEntity(pk, Rows.Change(id)) { ["Delivered"] = true, ["DeliveredUtc"] = now },
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
                        await state.UpdateEntityAsync(new TableEntity(pk, Rows.Change(id)) { ["Delivered"] = true, ["DeliveredUtc"] = now }, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
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
            await marks.DeleteEntityAsync(Pending, mark.BranchId, new ETag(mark.Version), cancellationToken).ConfigureAwait(false);
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
