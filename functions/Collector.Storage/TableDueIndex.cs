using System.Globalization;
using Azure;
using Azure.Data.Tables;
using MonitoramentoBKP.Collector.Ports;

namespace MonitoramentoBKP.Collector.Storage;

/// <summary>
/// The sweep's plan in a table partitioned by 5-minute bucket of the due time: "what is due by now" is one range
/// query over past buckets (handled entries are deleted, so it returns only what is pending). The row key holds
/// the due time too, so moving an entry adds a row and never overwrites one that another writer still relies on.
/// </summary>
public sealed class TableDueIndex(TableClient table) : IDueIndex
{
    public const string TableName = "sweepdue";

    public async Task ScheduleAsync(IEnumerable<DueEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            var row = new TableEntity(Bucket(entry.DueUtc), Row(entry))
            {
                ["BranchId"] = entry.BranchId,
                ["SetId"] = entry.SetId,
                ["DueUtc"] = new DateTimeOffset(DateTime.SpecifyKind(entry.DueUtc, DateTimeKind.Utc)),
            };
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task RemoveAsync(IEnumerable<DueEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            try
            {
                await table.DeleteEntityAsync(Bucket(entry.DueUtc), Row(entry), ETag.All, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Already handled by an overlapping sweep.
            }
        }
    }

    public async Task<IReadOnlyList<DueEntry>> DueAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var upTo = Bucket(nowUtc);
        var due = new List<DueEntry>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey le {upTo}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var when = e.GetDateTimeOffset("DueUtc")!.Value.UtcDateTime;
            if (when <= nowUtc)
            {
                due.Add(new DueEntry(e.GetString("BranchId"), e.GetString("SetId"), when));
            }
        }

        return due;
    }

    private static string Bucket(DateTime utc)
    {
        var floored = new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute / 5 * 5, 0, DateTimeKind.Utc);
        return floored.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
    }

    private static string Row(DueEntry entry) =>
        $"{entry.BranchId.ToUpperInvariant()}|{entry.SetId ?? "*"}|{entry.DueUtc.Ticks.ToString("D19", CultureInfo.InvariantCulture)}";
}
