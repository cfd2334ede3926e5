using Azure.Core;
using Azure.Data.Tables;
using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Collector.Storage.Tests.Support;

namespace MonitoramentoBKP.Collector.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableDueIndexTests(Azurite azurite)
{
    private static readonly DateTime Now = new(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc);

    private async Task<(TableDueIndex Index, RequestCounter Requests)> IndexAsync()
    {
        var counter = new RequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var table = new TableServiceClient(azurite.ConnectionString, options).GetTableClient("d" + Guid.NewGuid().ToString("N")[..20]);
        await table.CreateIfNotExistsAsync();
        return (new TableDueIndex(table), counter);
    }

    [Fact]
    public async Task Only_entries_due_by_now_come_back_and_handled_ones_are_gone()
    {
        var (index, _) = await IndexAsync();
        var overdue = new DueEntry("F001", "sql", Now.AddDays(-3));
        var justDue = new DueEntry("F002", null, Now);
        var sameBucketLater = new DueEntry("F003", "sql", Now.AddMinutes(2));
        var tomorrow = new DueEntry("F004", "sql", Now.AddDays(1));
        await index.ScheduleAsync([overdue, justDue, sameBucketLater, tomorrow], default);

        var due = await index.DueAsync(Now, default);
        await index.RemoveAsync(due, default);
        var again = await index.DueAsync(Now, default);

        Assert.Equal([justDue, overdue], due.OrderBy(d => d.BranchId).Reverse());
        Assert.Empty(again);
        Assert.Equal([sameBucketLater], await index.DueAsync(Now.AddMinutes(3), default));
    }

    [Fact]
    public async Task Moving_an_entry_never_removes_the_new_one()
    {
        var (index, _) = await IndexAsync();
        var old = new DueEntry("F001", "sql", Now.AddMinutes(-1));
        var moved = old with { DueUtc = Now.AddMinutes(1) };
        await index.ScheduleAsync([old], default);

        await index.ScheduleAsync([moved], default);
        await index.RemoveAsync([old], default);

        Assert.Equal([moved], await index.DueAsync(Now.AddMinutes(2), default));
    }

    [Fact]
    public async Task Asking_what_is_due_when_nothing_is_costs_one_request_whatever_the_number_of_sets()
    {
        var (index, requests) = await IndexAsync();
        var future = Enumerable.Range(0, 600).Select(i => new DueEntry($"B{i:0000}", $"set{i % 3}", Now.AddMinutes(10 + (i % 300)))).ToList();
        await index.ScheduleAsync(future, default);
        await index.ScheduleAsync([new DueEntry("OLD", "sql", Now.AddDays(-30))], default);
        await index.RemoveAsync([new DueEntry("OLD", "sql", Now.AddDays(-30))], default);

        requests.Reset();
        var due = await index.DueAsync(Now, default);

        Assert.Empty(due);
        Assert.Equal(1, requests.Count);
    }
}
