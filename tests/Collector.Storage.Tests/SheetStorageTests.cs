using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Collector.Storage.Tests.Support;

namespace MonitoramentoBKP.Collector.Storage.Tests;

/// <summary>The outbox marks and the sheet ledger on a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SheetStorageTests(Azurite azurite)
{
    private static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Now));

    private static StatusChange Change(string id, SetStatus to) => new()
    {
        ChangeId = id,
        BranchId = "F001",
        SetId = "sql",
        Old = SetStatus.Ok,
        New = to,
        Reasons = [new FindingRecord("folder-empty", to, "Pasta vazia", "Empty folder")],
        AtUtc = Now,
        Notify = true,
    };

    [Fact]
    public async Task Changes_committed_with_the_state_are_undelivered_until_marked_delivered()
    {
        var state = await Fresh.TableAsync(azurite);
        var store = new TableBranchStateStore(state, _time);
        var outbox = new TableOutbox(await Fresh.TableAsync(azurite), state, _time);
        await outbox.MarkAsync("f001", default);
        Assert.True(await store.TryCommitAsync("F001", BranchSnapshot.Empty, new BranchUpdate { Contact = new(), Changes = [Change("c1", SetStatus.Failed), Change("c2", SetStatus.Missed)] }, null, default));

        var mark = Assert.Single(await outbox.MarkedAsync(default));
        Assert.Equal("F001", mark.BranchId);
        var pending = await outbox.UndeliveredAsync("F001", default);
        Assert.Equal(["c1", "c2"], pending.Select(c => c.ChangeId));
        Assert.Equal("Empty folder", pending[0].Reasons[0].En);

        await outbox.MarkDeliveredAsync("F001", ["c1"], default);

        Assert.Equal(["c2"], (await outbox.UndeliveredAsync("F001", default)).Select(c => c.ChangeId));
        Assert.Equal(["F001"], await outbox.ScanUndeliveredAsync(default));
        await outbox.MarkDeliveredAsync("F001", ["c2"], default);
        Assert.Empty(await outbox.ScanUndeliveredAsync(default));
        Assert.True(await outbox.UnmarkAsync(mark, default));
        Assert.Empty(await outbox.MarkedAsync(default));
    }

    [Fact]
    public async Task A_mark_set_again_after_it_was_read_is_not_cleared()
    {
        var outbox = new TableOutbox(await Fresh.TableAsync(azurite), await Fresh.TableAsync(azurite), _time);
        await outbox.MarkAsync("F001", default);
        var read = Assert.Single(await outbox.MarkedAsync(default));

        await outbox.MarkAsync("F001", default);

        Assert.False(await outbox.UnmarkAsync(read, default));
        Assert.Single(await outbox.MarkedAsync(default));
    }

    [Fact]
    public async Task A_ledger_never_saved_reads_as_empty_with_no_delivery_problem()
    {
        var ledgers = new BlobSheetLedgerStore(await Fresh.ContainerAsync(azurite));
        Assert.Empty((await ledgers.PeekAsync(default)).Episodes);

        await using var lease = await ledgers.TryAcquireAsync(default);
        var ledger = await lease!.ReadAsync(default);

        Assert.Empty(ledger.Episodes);
        Assert.Null(ledger.InFlight);
        Assert.Null(ledger.Delivery.Problem);
        Assert.NotNull((await ledgers.PeekAsync(default)).Delivery);
    }

    [Fact]
    public async Task The_ledger_is_held_by_one_dispatcher_at_a_time_and_keeps_what_it_saved()
    {
        var ledgers = new BlobSheetLedgerStore(await Fresh.ContainerAsync(azurite));
        var episode = new AlertEpisode { BranchId = "F001", SetId = "sql", IncidentId = "F001/sql/20261130-1200", OpenedUtc = Now, RowsWritten = 1, Announced = SetStatus.Failed, Current = SetStatus.Failed, LastRowUtc = Now };
        var row = new AlertRow { AlertId = "F001/sql/20261130-1200.1", AtUtc = Now, BranchId = "F001", SetId = "sql", Event = AlertEvent.Opened, Status = SetStatus.Failed, Previous = SetStatus.Ok };
        var saved = SheetLedger.Empty with
        {
            Episodes = new Dictionary<string, AlertEpisode> { [episode.Key] = episode },
            InFlight = new AlertBatch { Rows = [row], Changes = [new ChangeRef("F001", "c1")], Marks = [new("F001", "v1")], Attempted = true },
            Delivery = new SheetDelivery { Problem = "503", Failures = 2, TransientFailuresTotal = 2 },
        };

        await using (var first = await ledgers.TryAcquireAsync(default))
        {
            Assert.NotNull(first);
            Assert.Null(await ledgers.TryAcquireAsync(default));
            await first.SaveAsync(saved, default);
        }

        await using var again = await ledgers.TryAcquireAsync(default);
        Assert.NotNull(again);
        var read = await again.ReadAsync(default);
        Assert.Equal(episode, read.Episodes[episode.Key] with { CurrentReasons = episode.CurrentReasons });
        Assert.Equal(row with { Reasons = read.InFlight!.Rows[0].Reasons }, read.InFlight.Rows[0]);
        Assert.True(read.InFlight.Attempted);
        Assert.Equal("v1", read.InFlight.Marks[0].Version);
        Assert.Equal(2, (await ledgers.PeekAsync(default)).Delivery.Failures);
    }

    [Fact]
    public async Task A_hold_longer_than_the_lease_is_kept_by_renewing_it()
    {
        var ledgers = new BlobSheetLedgerStore(await Fresh.ContainerAsync(azurite), leaseDuration: TimeSpan.FromSeconds(15), renewEvery: TimeSpan.FromSeconds(4));
        await using var held = await ledgers.TryAcquireAsync(default);

        await Task.Delay(TimeSpan.FromSeconds(20));

        Assert.Null(await ledgers.TryAcquireAsync(default));
        Assert.False(held!.Lost.IsCancellationRequested);
        await held.SaveAsync(SheetLedger.Empty with { StatusFingerprint = "kept" }, default);
        Assert.Equal("kept", (await ledgers.PeekAsync(default)).StatusFingerprint);
    }
}
