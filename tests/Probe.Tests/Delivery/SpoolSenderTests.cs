using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.Contracts.Tests;
using MonitoramentoBKP.Probe.Commands;
using MonitoramentoBKP.Probe.Delivery;
using MonitoramentoBKP.Probe.Tests.Support;
using static MonitoramentoBKP.Probe.Tests.Delivery.SpoolTests;

namespace MonitoramentoBKP.Probe.Tests.Delivery;

public sealed class SpoolSenderTests : IDisposable
{
    private static readonly Dictionary<string, string> RetryAtOnce = new() { ["Retry-After"] = "0" };

    private readonly TempTree _tree = new();
    private readonly FakeCollector _collector = new() { RemembersRuns = true };
    private readonly HttpClient _http = CollectorHttp.CreateClient();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));
    private readonly List<TimeSpan> _delays = [];

    public void Dispose()
    {
        _http.Dispose();
        _collector.Dispose();
        _tree.Dispose();
    }

    private string State => _tree.PathOf("state");

    private Spool NewSpool(int maxEntries = 200) => new(State, new SpoolLimits { MaxEntries = maxEntries, MaxBytes = 500_000_000 }, SpoolDisk.Instance);

    private SpoolSender Sender(Uri? collector = null, TimeSpan? runBudget = null) => new(
        _http,
        new DeliveryOptions { Collector = collector ?? _collector.Url, ProbeVersion = "0.0.0-test" },
        _time,
        (wait, _) =>
        {
            _delays.Add(wait);
            _time.Advance(wait);
            return Task.CompletedTask;
        },
        () => 0.5)
    {
        RunWaitBudget = runBudget ?? TimeSpan.FromMinutes(2),
    };

    /// <summary>What <c>run</c> does after its scan: tidy the spool, add the new manifest, send the backlog then it.</summary>
    private (SpoolRun Run, SpoolEntry Fresh) RunWith(Manifest manifest, Uri? collector = null, int maxEntries = 200, TimeSpan? runBudget = null)
    {
        var spool = NewSpool(maxEntries);
        spool.Tidy();
        var fresh = spool.Add(manifest).Entry;
        return (Send(spool, [.. spool.Waiting().Where(e => e != fresh), fresh], collector, runBudget), fresh);
    }

    private SpoolRun Send(Spool spool, IReadOnlyList<SpoolEntry> entries, Uri? collector = null, TimeSpan? runBudget = null) =>
        Sender(collector, runBudget).SendAsync(spool, entries, null, CancellationToken.None).GetAwaiter().GetResult();

    private static Manifest Body(FakeCollector.Request request) => JsonSerializer.Deserialize(request.DecompressedBody(), ContractsJson.Context.Manifest)!;

    [Fact]
    public void A_collector_stopped_for_three_runs_then_started_gets_all_four_manifests_in_order_each_once()
    {
        var down = FakeCollector.NothingListening();
        var runs = Enumerable.Range(0, 4).Select(d => Run(d)).ToList();

        var missed = runs.Take(3).Select(m => RunWith(m, down)).ToList();
        var (back, fresh) = RunWith(runs[3]);

        Assert.All(missed, m => Assert.Equal(ExitCodes.NotDelivered, RunCommand.ExitCodeFor(m.Run, m.Fresh)));
        Assert.Equal([1, 2, 3], missed.Select(m => m.Run.LeftUnsent));
        Assert.Equal(ExitCodes.Ok, RunCommand.ExitCodeFor(back, fresh));
        Assert.Equal(runs.Select(m => m.RunId.ToString("D")), _collector.Accepted);
        Assert.Equal(runs.Select(m => m.RunId), _collector.Requests.Select(r => Body(r).RunId));
        Assert.Equal(0, Spool.Status(State).Count);
    }

    [Fact]
    public void A_manifest_left_in_the_spool_by_a_killed_run_is_delivered_by_the_next_once()
    {
        // Killed between spooling and sending.
        var killed = Run(0);
        NewSpool().Add(killed);

        var (run, fresh) = RunWith(Run(1));

        Assert.Equal(ExitCodes.Ok, RunCommand.ExitCodeFor(run, fresh));
        Assert.Equal([killed.RunId.ToString("D"), fresh.RunId.ToString("D")], _collector.Accepted);
        Assert.Equal(killed.BranchId, _collector.Requests[0].Header("X-Bkp-Branch"));
    }

    [Fact]
    public void A_manifest_that_arrived_before_its_run_was_killed_is_answered_200_by_the_collector_and_counted_once()
    {
        // Killed while sending: the collector had taken the manifest, the probe never heard so and kept it.
        var killed = Run(0);
        var entry = NewSpool().Add(killed).Entry;
        Send(NewSpool(), [entry]);
        File.WriteAllBytes(entry.Path, _collector.Requests[0].Body);

        var (run, fresh) = RunWith(Run(1));

        Assert.Equal(200, run.Sent[0].Result.StatusCode);
        Assert.Equal(ExitCodes.Ok, RunCommand.ExitCodeFor(run, fresh));
        Assert.Equal([killed.RunId.ToString("D"), fresh.RunId.ToString("D")], _collector.Accepted);
        Assert.Equal(0, Spool.Status(State).Count);
    }

    [Fact]
    public void A_leftover_temporary_file_is_removed_and_never_sent()
    {
        var cut = Path.Combine(Spool.FolderOf(State), SpoolEntry.NameOf(Run(0)) + ".tmp");
        Directory.CreateDirectory(Path.GetDirectoryName(cut)!);
        File.WriteAllBytes(cut, [0x1f, 0x8b]);

        var (run, fresh) = RunWith(Run(1));

        Assert.False(File.Exists(cut));
        Assert.Equal([fresh.RunId.ToString("D")], _collector.Accepted);
        Assert.Single(_collector.Requests);
        Assert.Equal(ExitCodes.Ok, RunCommand.ExitCodeFor(run, fresh));
    }

    [Fact]
    public void A_refused_pending_manifest_is_set_aside_and_the_rest_go_on()
    {
        var spool = NewSpool();
        var refused = spool.Add(Run(0)).Entry;
        spool.Add(Run(1));
        _collector.Script(new FakeCollector.Reply(422));

        var (run, fresh) = RunWith(Run(2));

        Assert.Equal([DeliveryOutcome.Refused, DeliveryOutcome.Delivered, DeliveryOutcome.Delivered], run.Sent.Select(s => s.Result.Outcome));
        Assert.Equal(Path.Combine(Spool.FolderOf(State), "refused", refused.Name), run.Sent[0].SetAsideTo);
        Assert.True(File.Exists(run.Sent[0].SetAsideTo));
        Assert.Equal(ExitCodes.Ok, RunCommand.ExitCodeFor(run, fresh));
        Assert.Equal(new SpoolStatus { Count = 0, TotalBytes = 0, RefusedCount = 1 }, Spool.Status(State));
    }

    [Fact]
    public void A_refused_new_manifest_exits_6_and_is_kept_aside()
    {
        _collector.Script(new FakeCollector.Reply(403));

        var (run, fresh) = RunWith(Run(0));

        Assert.Equal(ExitCodes.Refused, RunCommand.ExitCodeFor(run, fresh));
        Assert.Equal(1, Spool.Status(State).RefusedCount);
        Assert.Equal(0, Spool.Status(State).Count);
    }

    [Fact]
    public void The_first_manifest_not_delivered_ends_the_run_and_the_rest_are_not_tried()
    {
        var spool = NewSpool();
        spool.Add(Run(0));
        spool.Add(Run(1));
        _collector.Otherwise = new FakeCollector.Reply(503, Headers: RetryAtOnce);

        var (run, fresh) = RunWith(Run(2));

        Assert.Equal(ExitCodes.NotDelivered, RunCommand.ExitCodeFor(run, fresh));
        var only = Assert.Single(run.Sent);
        Assert.Equal(DeliveryOutcome.NotDelivered, only.Result.Outcome);
        Assert.Equal(3, run.LeftUnsent);
        Assert.Equal(5, _collector.Requests.Count);
        Assert.All(_collector.Requests, r => Assert.Equal(only.Entry.RunId.ToString("D"), r.Header("X-Bkp-Run-Id")));
        Assert.Equal(3, Spool.Status(State).Count);
    }

    [Fact]
    public void A_long_backlog_waits_no_longer_in_all_than_the_run_budget()
    {
        var spool = NewSpool();
        foreach (var day in Enumerable.Range(0, 3))
        {
            spool.Add(Run(day));
        }

        // Each entry is first told to come back in 40 s, then taken: the third gets the 10 s left and no retry after.
        var later = new Dictionary<string, string> { ["Retry-After"] = "40" };
        _collector.Script(
            new FakeCollector.Reply(503, Headers: later), new FakeCollector.Reply(202),
            new FakeCollector.Reply(503, Headers: later), new FakeCollector.Reply(202),
            new FakeCollector.Reply(503, Headers: later), new FakeCollector.Reply(503, Headers: later));

        var (run, fresh) = RunWith(Run(3), runBudget: TimeSpan.FromSeconds(90));

        Assert.Equal([TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(10)], _delays);
        Assert.Equal(2, run.Sent.Count(s => s.Result.Outcome == DeliveryOutcome.Delivered));
        Assert.Equal(2, run.LeftUnsent);
        Assert.Equal(ExitCodes.NotDelivered, RunCommand.ExitCodeFor(run, fresh));
    }

    [Fact]
    public void Manifests_dropped_while_the_collector_was_down_are_reported_by_the_next_one_taken_then_cleared()
    {
        var down = FakeCollector.NothingListening();
        foreach (var day in Enumerable.Range(0, 3))
        {
            RunWith(Run(day), down, maxEntries: 2);
        }

        var (run, fresh) = RunWith(Run(3), maxEntries: 2);

        var dropped = new SpoolDropReport { Count = 2, FirstFinishedUtc = Run(0).FinishedUtc, LastFinishedUtc = Run(1).FinishedUtc };
        Assert.Equal(ExitCodes.Ok, RunCommand.ExitCodeFor(run, fresh));
        Assert.Equal(2, _collector.Requests.Count);
        var last = _collector.Requests[^1];
        Assert.Equal(fresh.RunId, Body(last).RunId);
        Assert.Equal(dropped, Body(last).SpoolDropped);
        Assert.Empty(SchemaValidator.Errors(last.DecompressedBody()));
        Assert.Null(Spool.Status(State).PendingDrop);

        RunWith(Run(4), maxEntries: 2);
        Assert.Null(Body(_collector.Requests[^1]).SpoolDropped);
    }
}
