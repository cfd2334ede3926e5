using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Google.Tests.Support;
using MonitoramentoBKP.FakeGoogle;
using Xunit.Abstractions;

namespace MonitoramentoBKP.Collector.Google.Tests;

/// <summary>Alerts delivered to Google once and only once, through throttling, failures and refusals, within the write budget.</summary>
public sealed class SheetDeliveryTests(ITestOutputHelper output)
{
    private static int Appends(GoogleRig rig) => rig.Google.Requests.Count(r => r.Operation?.EndsWith("values.append", StringComparison.Ordinal) == true);

    private static IReadOnlyList<string?> AlertIds(GoogleRig rig) => [.. rig.Spreadsheet.Sheet("Alertas").Values.Skip(1).Select(r => r[0]?.ToString())];

    [Fact]
    public async Task An_append_google_applies_then_answers_500_leaves_exactly_one_row()
    {
        await using var rig = await GoogleRig.StartAsync();
        await rig.Dispatcher.InitAsync(default);
        await rig.FlipAsync("F0001", SetStatus.Failed, GoogleRig.Now);
        rig.Google.Enqueue(FakeFault.InternalErrorAfterApplying().On("values.append"));

        var result = await rig.Dispatcher.DispatchAsync(default);

        Assert.Equal(["F0001/sql/20261130-150000.1"], AlertIds(rig));
        Assert.Equal(1, Appends(rig));
        Assert.Equal(1, result.AlertsAlreadyThere);
        Assert.Null(result.Problem);
        Assert.Contains(rig.Google.Requests, r => r.Operation?.EndsWith("values.get", StringComparison.Ordinal) == true && r.Path.Contains("Alertas", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_append_refused_with_503_is_sent_again_after_reading_the_ids()
    {
        await using var rig = await GoogleRig.StartAsync();
        await rig.Dispatcher.InitAsync(default);
        await rig.FlipAsync("F0001", SetStatus.Failed, GoogleRig.Now);
        rig.Google.Enqueue(FakeFault.Unavailable().On("values.append"));

        var result = await rig.Dispatcher.DispatchAsync(default);

        Assert.Equal(["F0001/sql/20261130-150000.1"], AlertIds(rig));
        Assert.Equal(2, Appends(rig));
        Assert.Equal((1, 0), (result.AlertsAppended, result.AlertsAlreadyThere));
    }

    [Fact]
    public async Task A_throttled_write_waits_as_long_as_retry_after_says_and_then_succeeds()
    {
        await using var rig = await GoogleRig.StartAsync();
        await rig.Dispatcher.InitAsync(default);
        await rig.FlipAsync("F0001", SetStatus.Failed, GoogleRig.Now);
        rig.Google.Enqueue(FakeFault.RateLimited(TimeSpan.FromSeconds(2)).On("values.append"));

        var result = await rig.Dispatcher.DispatchAsync(default);

        var appends = rig.Google.Requests.Where(r => r.Operation?.EndsWith("values.append", StringComparison.Ordinal) == true).ToList();
        Assert.Equal([429, 200], appends.Select(r => r.Status));
        Assert.True(appends[1].ReceivedAt - appends[0].ReceivedAt >= TimeSpan.FromSeconds(1.9), $"waited {appends[1].ReceivedAt - appends[0].ReceivedAt}");
        Assert.Single(AlertIds(rig));
        Assert.Null(result.Problem);
    }

    [Fact]
    public async Task A_rewrite_answered_503_is_repeated_by_the_resilience_handler()
    {
        await using var rig = await GoogleRig.StartAsync();
        await rig.Dispatcher.InitAsync(default);
        await rig.FlipAsync("F0001", SetStatus.Failed, GoogleRig.Now);
        rig.Google.Enqueue(FakeFault.Unavailable().On("values.batchUpdate").Times(2));

        var result = await rig.Dispatcher.DispatchAsync(default);

        Assert.Null(result.Problem);
        Assert.Equal("FALHOU", rig.Spreadsheet.Sheet("Status").Values.Single(r => r[0]?.ToString() == "F0001")[3]);
    }

    [Fact]
    public async Task Permission_denied_is_permanent_not_repeated_surfaced_and_nothing_is_lost()
    {
        await using var rig = await GoogleRig.StartAsync();
        await rig.Dispatcher.InitAsync(default);
        await rig.FlipAsync("F0001", SetStatus.Failed, GoogleRig.Now);
        rig.Google.Enqueue(FakeFault.PermissionDenied().On("values.append"));

        var refused = await rig.Dispatcher.DispatchAsync(default);
        var health = await rig.Dispatcher.HealthAsync(default);

        Assert.Equal(1, Appends(rig));
        Assert.True(refused.Problem is { Permanent: true, StatusCode: 403 });
        Assert.Contains("share the spreadsheet with", health.Problem, StringComparison.Ordinal);
        Assert.Equal((1, 1), (health.AlertsInFlight, health.PermanentFailuresTotal));
        Assert.Empty(AlertIds(rig));

        var retried = await rig.Dispatcher.DispatchAsync(default);

        Assert.Null(retried.Problem);
        Assert.Single(AlertIds(rig));
        Assert.Null((await rig.Dispatcher.HealthAsync(default)).Problem);
    }

    [Fact]
    public async Task A_storm_of_1000_status_changes_takes_at_most_5_write_requests_per_tab_each_under_2_MB()
    {
        await using var rig = await GoogleRig.StartAsync(branches: 1000);
        await rig.Dispatcher.InitAsync(default);
        var before = rig.Google.Requests.Count;
        for (var i = 1; i <= 1000; i++)
        {
            await rig.FlipAsync($"F{i:0000}", SetStatus.Missed, GoogleRig.Now);
        }

        var result = await rig.Dispatcher.DispatchAsync(default);

        Assert.Null(result.Problem);
        Assert.Equal(1000, result.ChangesDelivered);
        Assert.Equal(1000, AlertIds(rig).Distinct().Count());
        Assert.Equal(1001, rig.Spreadsheet.Sheet("Status").Values.Count);

        // The grid grew by a row for the last branch: it looks like the data rows above it.
        var grown = rig.Spreadsheet.Sheet("Status");
        Assert.Equal(1001, grown.RowCount);
        Assert.False(grown.FormatAt(1000, 0).Bold);
        Assert.Equal("DATE_TIME", grown.FormatAt(1000, 4).NumberFormatType);
        var writes = rig.WritesByTab(before);
        foreach (var (tab, requests) in writes.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{tab}: {requests.Count} write requests, largest body {requests.Max(r => r.BodyLength):N0} bytes ({string.Join(", ", requests.Select(r => r.Operation))})");
        }

        Assert.Equal(["Alertas", "Histórico", "Status"], writes.Keys.Order(StringComparer.Ordinal));
        Assert.All(writes.Values, requests => Assert.InRange(requests.Count, 1, 5));
        Assert.All(rig.Google.Requests.Skip(before), r => Assert.True(r.BodyLength < 2_000_000, $"{r.Operation}: {r.BodyLength} bytes"));
    }
}
