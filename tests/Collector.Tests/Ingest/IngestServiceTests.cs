using MonitoramentoBKP.Collector.Ports;
using Microsoft.Extensions.Time.Testing;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Ingest;
using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.Rules;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;

namespace MonitoramentoBKP.Collector.Tests.Ingest;

public sealed class IngestServiceTests
{
    private static readonly DateTime Night = Local(2026, 11, 30, 23);
    private readonly InMemoryStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Night.AddMinutes(1), TimeSpan.Zero));

    public IngestServiceTests()
    {
        _store.Policies["F001"] = Branch("F001");
        _store.Policies["F099"] = Branch("F099") with { Retired = true };
    }

    private static BranchPolicy Branch(string id) => new()
    {
        Id = id,
        Name = "Loja " + id,
        Template = "loja",
        Sets = [Policy() with { MinSizeBytes = 1_000 }],
    };

    private IngestService Service(IngestLimits? limits = null) =>
        Service(limits ?? new IngestLimits(), new BranchQueue());

    private IngestService Service(IngestLimits limits, BranchQueue queue) =>
        new(_store, _store, _store, _store, _store, _store, _store, new BranchJudgement(Judge.Default), _time, limits, new LargeManifestGate(limits), queue);

    private static Manifest Good(DateTime runUtc, long size = 5_000, string? sha = null) =>
        Manifest(runUtc, Set(File($"Vendas_{runUtc:MMdd}.bak", size, runUtc.AddMinutes(-50), sha)));

    [Fact]
    public async Task A_valid_manifest_is_archived_judged_and_committed()
    {
        var manifest = Good(Night);

        var outcome = await Service().IngestAsync(Manifests.Request(manifest), default);

        Assert.Equal(IngestResult.Accepted, outcome.Result);
        Assert.Equal(202, outcome.StatusCode);
        Assert.Equal(SetStatus.Ok, outcome.Statuses["sql"]);
        Assert.True(_store.Blobs.ContainsKey($"F001/2026/12/01/{manifest.RunId:D}.json.gz"));
        var state = (await _store.ReadAsync("F001", default)).Sets["sql"];
        Assert.Equal(SetStatus.Ok, state.Status);
        Assert.Equal(manifest.RunId, state.LastRunId);
        Assert.NotNull(state.NextCheckDueUtc);
        var change = Assert.Single(_store.Changes);
        Assert.False(change.Notify);
        Assert.Contains(new Ports.DueEntry("F001", "sql", state.NextCheckDueUtc!.Value), _store.Due);
        Assert.Contains(_store.Due, d => d.SetId is null && d.DueUtc > Night.AddDays(1));
    }

    [Fact]
    public async Task A_newer_manifest_moves_the_sweeps_plan_forward_and_drops_the_old_entries()
    {
        await Service().IngestAsync(Manifests.Request(Good(Night)), default);
        var first = _store.Due.ToList();
        _time.Advance(TimeSpan.FromDays(1));

        await Service().IngestAsync(Manifests.Request(Good(Night.AddDays(1))), default);

        Assert.Equal(2, _store.Due.Count);
        Assert.Empty(_store.Due.Intersect(first));
        Assert.All(_store.Due, d => Assert.True(d.DueUtc > Night.AddDays(1)));
    }

    [Fact]
    public async Task A_repeat_of_the_same_run_is_answered_as_already_accepted_and_changes_nothing()
    {
        var manifest = Good(Night);
        await Service().IngestAsync(Manifests.Request(manifest), default);
        var before = await _store.ReadAsync("F001", default);

        var repeat = await Service().IngestAsync(Manifests.Request(manifest), default);

        Assert.Equal(IngestResult.AlreadyAccepted, repeat.Result);
        Assert.Equal(200, repeat.StatusCode);
        Assert.Equal(before.Version, (await _store.ReadAsync("F001", default)).Version);
        Assert.Single(_store.Changes);
    }

    [Fact]
    public async Task A_gzip_bomb_is_refused_before_it_is_held_in_memory()
    {
        var spaces = new byte[50_000_000];
        Array.Fill(spaces, (byte)' ');
        var bomb = Manifests.Gzip(spaces);

        var outcome = await Service(new IngestLimits { MaxManifestBytes = 1_000_000 }).IngestAsync(Manifests.Request(bomb), default);

        Assert.True(bomb.Length < 1_000_000, "the bomb must pass the compressed-size cap to test the decompressed one");
        Assert.Equal(413, outcome.StatusCode);
        Assert.Contains("decompresses to more than 1000000", outcome.Detail, StringComparison.Ordinal);
        Assert.Empty(_store.Blobs);
    }

    [Theory]
    [InlineData(262_145)]
    [InlineData(300_000)]
    [InlineData(5_000_000)]
    public async Task A_single_value_longer_than_the_cap_is_refused_even_when_one_read_holds_its_end(int length)
    {
        // The parser's reads double (16 KiB, 32 KiB, …): the read that reaches the cap also holds the closing quote.
        var json = System.Text.Encoding.UTF8.GetBytes($"{{\"hostName\":\"{new string('x', length)}\"}}");

        var outcome = await Service().IngestAsync(Manifests.Request(Manifests.Gzip(json)), default);

        Assert.Equal(413, outcome.StatusCode);
        Assert.Contains("single value longer than 262144 bytes", outcome.Detail, StringComparison.Ordinal);
        Assert.Empty(_store.Blobs);
    }

    [Fact]
    public async Task A_body_over_the_compressed_cap_is_refused()
    {
        var outcome = await Service(new IngestLimits { MaxCompressedBytes = 100 }).IngestAsync(Manifests.Request(Good(Night)), default);

        Assert.Equal(413, outcome.StatusCode);
    }

    [Theory]
    [InlineData("{\"schemaVersion\":1}", "required")]
    [InlineData("not json", "not a valid manifest")]
    public async Task An_invalid_manifest_is_refused_saying_what_is_wrong(string body, string words)
    {
        var outcome = await Service().IngestAsync(Manifests.Request(Manifests.Gzip(System.Text.Encoding.UTF8.GetBytes(body))), default);

        Assert.Equal(400, outcome.StatusCode);
        Assert.Contains(words, outcome.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_store.Blobs);
    }

    [Fact]
    public async Task A_body_that_is_not_gzip_is_refused()
    {
        var outcome = await Service().IngestAsync(Manifests.Request(Manifests.Json(Good(Night))), default);

        Assert.Equal(400, outcome.StatusCode);
        Assert.Equal("Body is not valid gzip", outcome.Title);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    public async Task A_gzip_body_cut_inside_its_trailer_is_refused_and_nothing_is_archived(int cut)
    {
        // GZipStream ends cleanly when only the CRC-32 and length are missing: the JSON is whole, the file is not.
        var gzip = Manifests.Gzip(Manifests.Json(Good(Night)));

        var outcome = await Service().IngestAsync(Manifests.Request(gzip[..^cut]), default);

        Assert.Equal(400, outcome.StatusCode);
        Assert.Equal("Body is not valid gzip", outcome.Title);
        Assert.Contains("cut short", outcome.Detail, StringComparison.Ordinal);
        Assert.Empty(_store.Blobs);
    }

    [Fact]
    public async Task A_gzip_body_with_bytes_after_its_last_member_is_refused()
    {
        var gzip = Manifests.Gzip(Manifests.Json(Good(Night)));

        var outcome = await Service().IngestAsync(Manifests.Request([.. gzip, 1, 2, 3]), default);

        Assert.Equal(400, outcome.StatusCode);
        Assert.Contains("bytes after it", outcome.Detail, StringComparison.Ordinal);
        Assert.Empty(_store.Blobs);
    }

    [Fact]
    public async Task A_gzip_body_of_two_members_is_read_whole_and_archived_as_sent()
    {
        var manifest = Good(Night);
        var json = Manifests.Json(manifest);
        byte[] body = [.. Manifests.Gzip(json[..100]), .. Manifests.Gzip(json[100..])];

        var outcome = await Service().IngestAsync(Manifests.Request(body), default);

        Assert.Equal(202, outcome.StatusCode);
        Assert.Equal(body, Assert.Single(_store.Blobs).Value);
        Assert.Equal(manifest.RunId, (await _store.ReadManifestAsync(Assert.Single(_store.Blobs).Key, default))!.RunId);
    }

    [Fact]
    public async Task A_manifest_whose_set_leaves_out_skipped_is_judged_not_a_fault()
    {
        // "skipped" is optional in the schema; the rules read the list.
        var json = System.Text.Json.Nodes.JsonNode.Parse(Manifests.Json(Good(Night)))!;
        json["sets"]![0]!.AsObject().Remove("skipped");

        var outcome = await Service().IngestAsync(Manifests.Request(Manifests.Gzip(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()))), default);

        Assert.Equal(202, outcome.StatusCode);
        Assert.Equal(SetStatus.Ok, outcome.Statuses["sql"]);
    }

    [Fact]
    public async Task Unknown_and_retired_branches_are_refused_clearly()
    {
        var unknown = Good(Night) with { BranchId = "F404" };
        var retired = Good(Night) with { BranchId = "F099" };

        var a = await Service().IngestAsync(Manifests.Request(unknown), default);
        var b = await Service().IngestAsync(Manifests.Request(retired), default);

        Assert.Equal(404, a.StatusCode);
        Assert.Contains("F404", a.Detail, StringComparison.Ordinal);
        Assert.Equal(410, b.StatusCode);
        Assert.Contains("retired", b.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_late_manifest_fills_history_but_never_rolls_a_newer_state_back()
    {
        var tonight = Good(Night, size: 5_000);
        var lastWeek = Manifest(Night.AddDays(-7), Set());
        await Service().IngestAsync(Manifests.Request(tonight), default);

        var outcome = await Service().IngestAsync(Manifests.Request(lastWeek), default);

        Assert.Equal(IngestResult.Accepted, outcome.Result);
        var snapshot = await _store.ReadAsync("F001", default);
        Assert.Equal(SetStatus.Ok, snapshot.Sets["sql"].Status);
        Assert.Equal(tonight.RunId, snapshot.Sets["sql"].LastRunId);
        Assert.Equal(SetStatus.Failed, snapshot.Days[("sql", new DateOnly(2026, 11, 23))].Status);
        Assert.Equal(SetStatus.Ok, snapshot.Days[("sql", new DateOnly(2026, 11, 30))].Status);
        Assert.Equal(tonight.FinishedUtc, snapshot.Contact.LastRunUtc);
    }

    [Fact]
    public async Task A_flip_to_failed_and_back_records_two_status_changes_to_tell()
    {
        await Service().IngestAsync(Manifests.Request(Good(Night)), default);
        _time.Advance(TimeSpan.FromHours(1));
        await Service().IngestAsync(Manifests.Request(Manifest(Night.AddHours(1), Set())), default);
        _time.Advance(TimeSpan.FromHours(1));
        await Service().IngestAsync(Manifests.Request(Good(Night.AddHours(2))), default);

        var told = _store.Changes.Where(c => c.Notify).ToList();
        Assert.Equal([(SetStatus.Ok, SetStatus.Failed), (SetStatus.Failed, SetStatus.Ok)], told.Select(c => (c.Old, c.New)));
        Assert.Equal("folder-empty", Assert.Single(told[0].Reasons).RuleId);
        Assert.Equal(TimeSpan.FromHours(1), told[1].PreviousLasted);
    }

    [Fact]
    public async Task Two_manifests_racing_both_count_and_end_as_if_in_order()
    {
        var first = Good(Night, size: 5_000);
        var second = Good(Night.AddHours(1), size: 6_000);
        _time.Advance(TimeSpan.FromHours(1));
        var service = Service();

        // Another instance (its own per-branch queue) commits the second manifest between this one's read and write.
        var other = Service();
        _store.BeforeCommit = () => other.IngestAsync(Manifests.Request(second), default);

        var a = await service.IngestAsync(Manifests.Request(first), default);

        Assert.Equal(IngestResult.Accepted, a.Result);
        Assert.True(_store.Conflicts >= 1);
        var snapshot = await _store.ReadAsync("F001", default);
        Assert.Equal(second.RunId, snapshot.Sets["sql"].LastRunId);
        Assert.Equal([6_000L, 5_000L], snapshot.Sets["sql"].RecentBackups.Select(b => b.Size));
        Assert.True(await _store.IsAppliedAsync("F001", first.RunId, default));
        Assert.True(await _store.IsAppliedAsync("F001", second.RunId, default));
    }

    [Fact]
    public async Task A_branch_whose_state_keeps_changing_is_a_503_with_retry_after_and_nothing_applied()
    {
        var manifest = Good(Night);
        var limits = new IngestLimits { MaxCommitAttempts = 3 };
        var service = new IngestService(_store, _store, new AlwaysOvertaken(_store), _store, _store, _store, _store, new BranchJudgement(Judge.Default), _time, limits, new LargeManifestGate(limits), new BranchQueue());

        var outcome = await service.IngestAsync(Manifests.Request(manifest), default);

        Assert.Equal(503, outcome.StatusCode);
        Assert.Equal(5, outcome.RetryAfterSeconds);
        Assert.Contains("kept changing", outcome.Detail, StringComparison.Ordinal);
        Assert.False(await _store.IsAppliedAsync("F001", manifest.RunId, default));
    }

    [Fact]
    public async Task A_manifest_waiting_too_long_behind_others_of_its_branch_is_a_503_not_a_fault()
    {
        var queue = new BranchQueue();
        var limits = new IngestLimits { BranchWait = TimeSpan.FromMilliseconds(50) };
        using var ahead = await queue.EnterAsync("F001", TimeSpan.FromSeconds(1), default);

        var outcome = await Service(limits, queue).IngestAsync(Manifests.Request(Good(Night)), default);

        Assert.Equal(503, outcome.StatusCode);
        Assert.NotNull(outcome.RetryAfterSeconds);
        Assert.Empty(_store.Blobs);
    }

    [Fact]
    public async Task A_large_manifest_past_the_gates_budget_gets_a_503_and_the_budget_comes_back()
    {
        var limits = new IngestLimits { LargeBodyBytes = 10, LargeManifestBytes = 1024, MaxManifestBytes = 2048, MaxLargeBytesAtOnce = 2048, LargeWait = TimeSpan.FromMilliseconds(50) };
        var gate = new LargeManifestGate(limits);
        var other = gate.Open();
        await other.CoverAsync(2048, default);
        var service = new IngestService(_store, _store, _store, _store, _store, _store, _store, new BranchJudgement(Judge.Default), _time, limits, gate, new BranchQueue());

        var busy = await service.IngestAsync(Manifests.Request(Good(Night)), default);
        var archivedWhileBusy = _store.Blobs.Count;
        other.Dispose();
        var later = await service.IngestAsync(Manifests.Request(Good(Night)), default);

        Assert.Equal(503, busy.StatusCode);
        Assert.Equal(limits.RetryAfterSeconds, busy.RetryAfterSeconds);
        Assert.Equal(0, archivedWhileBusy);
        Assert.Equal(202, later.StatusCode);
        Assert.Equal(0, gate.Held);
    }

    /// <summary>Another instance always commits the branch first.</summary>
    private sealed class AlwaysOvertaken(IBranchStateStore inner) : IBranchStateStore
    {
        public Task<BranchSnapshot> ReadAsync(string branchId, CancellationToken cancellationToken) => inner.ReadAsync(branchId, cancellationToken);

        public Task<bool> IsAppliedAsync(string branchId, Guid runId, CancellationToken cancellationToken) => inner.IsAppliedAsync(branchId, runId, cancellationToken);

        public Task<bool> TryCommitAsync(string branchId, BranchSnapshot snapshot, BranchUpdate update, Guid? runId, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
