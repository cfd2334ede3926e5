using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.State;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>
/// Branch state in one Table Storage table, a partition per branch (see <see cref="Rows"/>). A commit is one
/// entity-group transaction conditional on the branch row's ETag: all of a manifest's effect, or none.
/// </summary>
public sealed class TableBranchStateStore(TableClient table, TimeProvider time) : IBranchStateStore
{
    public const string TableName = "branchstate";

    /// <summary>How many days of the day grid a read brings back (the status page shows 30).</summary>
    public static readonly TimeSpan DayWindow = TimeSpan.FromDays(40);

    private const int MaxTransactionActions = 100;

    public async Task<BranchSnapshot> ReadAsync(string branchId, CancellationToken cancellationToken)
    {
        var pk = Rows.Partition(branchId);
        var fromDay = Rows.Day(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime - DayWindow), "");
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {pk} and (RowKey eq {Rows.Branch} or (RowKey ge {Rows.SetPrefix} and RowKey lt {"set" + Rows.PrefixEnd}) or (RowKey ge {fromDay} and RowKey lt {"day" + Rows.PrefixEnd}))");

        BranchContact contact = new();
        string? version = null;
        var sets = new Dictionary<string, SetState>(StringComparer.Ordinal);
        var days = new Dictionary<(string, DateOnly), DayVerdict>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.RowKey == Rows.Branch)
            {
                contact = Entities.ToContact(e);
                version = e.ETag.ToString();
            }
            else if (e.RowKey.StartsWith(Rows.SetPrefix, StringComparison.Ordinal))
            {
                var set = Entities.ToSetState(e);
                sets[set.SetId] = set;
            }
            else
            {
                var day = Entities.ToDay(e);
                days[(day.SetId, day.Day)] = day;
            }
        }

        return new BranchSnapshot { Contact = contact, Sets = sets, Days = days, Version = version };
    }

    public async Task<bool> IsAppliedAsync(string branchId, Guid runId, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Rows.Partition(branchId), Rows.Run(runId), ["PartitionKey"], cancellationToken).ConfigureAwait(false);
        return found.HasValue;
    }

    public async Task<bool> TryCommitAsync(string branchId, BranchSnapshot snapshot, BranchUpdate update, Guid? runId, CancellationToken cancellationToken)
    {
        var pk = Rows.Partition(branchId);
        var actions = new List<TableTransactionAction>
        {
            snapshot.Version is null
                ? new TableTransactionAction(TableTransactionActionType.Add, Entities.From(pk, update.Contact))
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, Entities.From(pk, update.Contact), new ETag(snapshot.Version)),
        };
        actions.AddRange(update.Sets.Select(s => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Entities.From(pk, s))));
        actions.AddRange(update.Changes.Select(c => new TableTransactionAction(TableTransactionActionType.Add, Entities.From(pk, c))));
        actions.AddRange(update.Days.Select(d => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Entities.From(pk, d))));
        if (runId is { } id)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(pk, Rows.Run(id)) { ["AppliedUtc"] = time.GetUtcNow() }));
        }

        if (actions.Count > MaxTransactionActions)
        {
            throw new InvalidOperationException($"Branch {branchId}: one update needs {actions.Count} table operations; a transaction holds {MaxTransactionActions}.");
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            // 412: the branch row changed since it was read; 409: it was created meanwhile, or this run was applied.
            return false;
        }
    }

    /// <summary>Status changes not yet delivered, oldest first: the alert outbox.</summary>
    public async Task<IReadOnlyList<StatusChange>> ChangesAsync(string branchId, CancellationToken cancellationToken)
    {
        var pk = Rows.Partition(branchId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {Rows.ChangePrefix} and RowKey lt {"change" + Rows.PrefixEnd}");
        var changes = new List<StatusChange>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            changes.Add(Entities.ToChange(e));
        }

        return changes;
    }

    internal static SetStatus Status(string? text) => Enum.TryParse<SetStatus>(text, out var s) ? s : SetStatus.Unknown;
}
