using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Rules;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Contracts;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;

namespace MonitoramentoBKP.Collector.Tests.Rules;

public sealed class RuleTests
{
    private static readonly DateTime Now = Local(2026, 12, 1, 8);
    private static readonly DateTime LastNight = Local(2026, 11, 30, 22, 5);

    private static IReadOnlyList<Finding> Run(IRule rule, RuleContext context) => rule.Evaluate(context).ToList();

    private static BackupObservation Seen(string path, long size, DateTime when, string? sha = null) => new(path, size, when, sha ?? Sha(path + when.Ticks));

    [Fact]
    public void A_good_set_has_no_finding_from_any_rule()
    {
        var set = Set(File("Vendas_1130.bak", 100_000_000, LastNight), File("Vendas_1129.bak", 99_000_000, LastNight.AddDays(-1)));
        var policy = Policy() with { MinSizeBytes = 50_000_000, Generations = 2, MinFreeBytes = 1_000_000 };

        var verdict = Judge.Default.Evaluate(Context(policy, set, Now));

        Assert.Empty(verdict.Findings);
        Assert.Equal(SetStatus.Ok, verdict.Status);
    }

    [Fact]
    public void A_missing_folder_fails_and_says_which_folder()
    {
        var set = Set() with { Exists = false, Readable = false, Error = new ProblemReport { Code = ProblemCode.NotFound } };

        var finding = Assert.Single(Run(new FolderMissingRule(), Context(Policy(), set, Now)));

        Assert.Equal(SetStatus.Failed, finding.Status);
        Assert.Contains(@"C:\backup_sql", finding.Message.Pt, StringComparison.Ordinal);
        Assert.Contains("does not exist", finding.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_the_probe_did_not_report_fails()
    {
        var finding = Assert.Single(Run(new FolderMissingRule(), Context(Policy(), null, Now)));

        Assert.Equal("folder-missing", finding.RuleId);
        Assert.Contains("probe.json", finding.Message.Pt, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_folder_fails_with_the_reason()
    {
        var set = Set() with { Readable = false, Error = new ProblemReport { Code = ProblemCode.AccessDenied, Detail = "Acesso negado" } };

        var finding = Assert.Single(Run(new FolderUnreadableRule(), Context(Policy(), set, Now)));

        Assert.Equal(SetStatus.Failed, finding.Status);
        Assert.Contains("Acesso negado", finding.Message.Pt, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_folder_fails()
    {
        Assert.Equal(SetStatus.Failed, Assert.Single(Run(new FolderEmptyRule(), Context(Policy(), Set(), Now))).Status);
        Assert.Empty(Run(new FolderEmptyRule(), Context(Policy(), Set(File("a.bak", 1, LastNight)), Now)));
    }

    [Fact]
    public void Set_is_missed_when_no_backup_arrives_by_the_slot_plus_grace()
    {
        var stale = Set(File("Vendas_1128.bak", 100, Local(2026, 11, 28, 22, 5)));

        var finding = Assert.Single(Run(new BackupMissedRule(), Context(Policy(), stale, Now)));

        Assert.Equal(SetStatus.Missed, finding.Status);
        Assert.Contains("30/11 22:00", finding.Message.Pt, StringComparison.Ordinal);
        Assert.Contains("Vendas_1128.bak", finding.Message.Pt, StringComparison.Ordinal);
        Assert.Contains("2 dias", finding.Message.Pt, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_is_not_missed_within_the_grace_nor_on_a_closed_day()
    {
        var yesterdays = Set(File("Vendas_1129.bak", 100, Local(2026, 11, 29, 22, 5)));
        var closedMonday = new MonitoramentoBKP.Collector.Registry.BusinessCalendar { ClosedWeekdays = new HashSet<DayOfWeek> { DayOfWeek.Monday } };

        Assert.Empty(Run(new BackupMissedRule(), Context(Policy(), yesterdays, Local(2026, 11, 30, 23, 30))));
        Assert.Empty(Run(new BackupMissedRule(), Context(Policy(calendar: closedMonday), yesterdays, Now)));
        Assert.Single(Run(new BackupMissedRule(), Context(Policy(), yesterdays, Now)));
    }

    [Fact]
    public void A_late_manifest_is_judged_at_its_own_run_time()
    {
        var thenFresh = Set(File("Vendas_1120.bak", 100, Local(2026, 11, 20, 22, 5)));
        var context = Context(Policy(), thenFresh, Local(2026, 11, 21, 6), receivedUtc: Now);

        Assert.Empty(Run(new BackupMissedRule(), context));
    }

    [Fact]
    public void A_backup_below_the_minimum_size_fails()
    {
        var set = Set(File("Vendas.bak", 1_000, LastNight));

        var finding = Assert.Single(Run(new BackupTooSmallRule(), Context(Policy() with { MinSizeBytes = 50_000_000 }, set, Now)));

        Assert.Equal(SetStatus.Failed, finding.Status);
        Assert.Contains("50 MB", finding.Message.Pt, StringComparison.Ordinal);
    }

    [Fact]
    public void A_backup_that_shrank_against_its_rolling_median_warns_with_the_usual_size()
    {
        var history = new SetHistory
        {
            RecentBackups = Enumerable.Range(1, 8).Select(d => Seen($"Vendas_{d}.bak", 1_000_000_000 + (d * 1_000_000), LastNight.AddDays(-d))).ToList(),
        };
        var shrunk = Set(File("Vendas_1130.bak", 400_000_000, LastNight));
        var normal = Set(File("Vendas_1130.bak", 950_000_000, LastNight));

        var finding = Assert.Single(Run(new BackupShrankRule(), Context(Policy(), shrunk, Now, history)));

        Assert.Equal(SetStatus.Warning, finding.Status);
        Assert.Contains("1 GB", finding.Message.Pt, StringComparison.Ordinal);
        Assert.Contains("61%", finding.Message.En, StringComparison.Ordinal);
        Assert.Empty(Run(new BackupShrankRule(), Context(Policy(), normal, Now, history)));
        Assert.Empty(Run(new BackupShrankRule(), Context(Policy(), shrunk, Now, history with { RecentBackups = history.RecentBackups.Take(2).ToList() })));
    }

    [Fact]
    public void A_new_backup_with_the_previous_ones_content_fails()
    {
        var sha = Sha("same data");
        var history = new SetHistory { RecentBackups = [Seen("Vendas_1129.bak", 100, LastNight.AddDays(-1), sha)] };
        var copy = Set(File("Vendas_1130.bak", 100, LastNight, sha), File("Vendas_1129.bak", 100, LastNight.AddDays(-1), sha));

        var finding = Assert.Single(Run(new BackupUnchangedRule(), Context(Policy(), copy, Now, history)));

        Assert.Equal(SetStatus.Failed, finding.Status);
        Assert.Contains("Vendas_1129.bak", finding.Message.Pt, StringComparison.Ordinal);
        Assert.Empty(Run(new BackupUnchangedRule(), Context(Policy(), Set(File("Vendas_1130.bak", 100, LastNight)), Now, history)));
    }

    [Fact]
    public void A_known_backup_whose_content_changed_without_a_new_write_fails()
    {
        var written = LastNight.AddDays(-1);
        var known = new Dictionary<string, KnownFile> { ["Vendas_1129.bak"] = new("Vendas_1129.bak", Sha("original"), 100, written) };
        var altered = Set(File("Vendas_1129.bak", 100, written, Sha("changed")));
        var rewritten = Set(File("Vendas_1129.bak", 100, LastNight, Sha("tonight's dump")));

        var finding = Assert.Single(Run(new BackupAlteredRule(), Context(Policy(), altered, Now, Altered(known, altered))));

        Assert.Equal(SetStatus.Failed, finding.Status);
        Assert.Contains("adulterado", finding.Message.Pt, StringComparison.Ordinal);
        Assert.Empty(Run(new BackupAlteredRule(), Context(Policy(), rewritten, Now, Altered(known, rewritten))));
    }

    [Fact]
    public void A_change_the_probe_caught_by_reverification_fails_too()
    {
        var set = Set(File("Vendas_1129.bak", 100, LastNight) with { PreviousSha256 = Sha("before") });

        Assert.Equal(SetStatus.Failed, Assert.Single(Run(new BackupAlteredRule(), Context(Policy(), set, Now, Altered(new Dictionary<string, KnownFile>(), set)))).Status);
    }

    private static SetHistory Altered(IReadOnlyDictionary<string, KnownFile> known, BackupSetReport set) =>
        new() { Altered = BaselineComparison.Compare(known, set).Altered };

    [Fact]
    public void A_corrupt_newest_archive_fails_and_an_older_one_warns()
    {
        var corrupt = new ArchiveReport { Verdict = ArchiveVerdict.Corrupt, Format = "zip", Reason = "CRC-32 mismatch" };
        var newest = File("Estoque_1130.zip", 100, LastNight) with { Archive = corrupt };
        var older = File("Estoque_1129.zip", 100, LastNight.AddDays(-1)) with { Archive = corrupt };

        var failed = Assert.Single(Run(new ArchiveCorruptRule(), Context(Policy(), Set(newest, File("Estoque_1129.zip", 100, LastNight.AddDays(-1))), Now)));
        var warned = Assert.Single(Run(new ArchiveCorruptRule(), Context(Policy(), Set(File("Estoque_1130.zip", 100, LastNight), older), Now)));

        Assert.Equal(SetStatus.Failed, failed.Status);
        Assert.Contains("CRC-32 mismatch", failed.Message.Pt, StringComparison.Ordinal);
        Assert.Equal(SetStatus.Warning, warned.Status);
        Assert.Empty(Run(new ArchiveCorruptRule(), Context(Policy() with { ArchivesMustPass = false }, Set(newest), Now)));
    }

    [Fact]
    public void Fewer_generations_than_expected_warn()
    {
        var set = Set(File("a.bak", 1, LastNight), File("b.bak", 1, LastNight.AddDays(-1)));

        var finding = Assert.Single(Run(new TooFewGenerationsRule(), Context(Policy() with { Generations = 7 }, set, Now)));

        Assert.Equal(SetStatus.Warning, finding.Status);
        Assert.Contains("Há 2", finding.Message.Pt, StringComparison.Ordinal);
    }

    [Fact]
    public void Low_free_space_on_the_backup_disk_warns()
    {
        var set = Set(File("a.bak", 1, LastNight)) with { VolumeFreeBytes = 3_000_000_000 };

        var finding = Assert.Single(Run(new LowFreeSpaceRule(), Context(Policy() with { MinFreeBytes = 20_000_000_000 }, set, Now)));

        Assert.Equal(SetStatus.Warning, finding.Status);
        Assert.Contains("3 GB", finding.Message.Pt, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_the_probe_could_not_read_warn_but_a_backup_in_progress_does_not()
    {
        var locked = File("Vendas.bak", 1, LastNight) with { Sha256 = null, Error = new ProblemReport { Code = ProblemCode.Locked } };
        var writing = File("Vendas_new.bak", 1, LastNight) with { Sha256 = null, Error = new ProblemReport { Code = ProblemCode.InProgress } };

        var finding = Assert.Single(Run(new ProbeErrorsRule(), Context(Policy(), Set(locked, writing), Now)));

        Assert.Equal(SetStatus.Warning, finding.Status);
        Assert.Contains("Vendas.bak (Locked)", finding.Message.Pt, StringComparison.Ordinal);
        Assert.Empty(Run(new ProbeErrorsRule(), Context(Policy(), Set(writing), Now)));
    }

    [Fact]
    public void A_probe_clock_far_off_warns()
    {
        var set = Set(File("a.bak", 1, LastNight));
        var ahead = Context(Policy(), set, Now.AddMinutes(40), receivedUtc: Now) with { ClockSkew = TimeSpan.FromMinutes(40) };
        var behind = Context(Policy(), set, Now, receivedUtc: Now) with { ClockSkew = TimeSpan.FromHours(-3) };

        Assert.Contains("adiantado", Assert.Single(Run(new ClockSkewRule(), ahead)).Message.Pt, StringComparison.Ordinal);
        Assert.Contains("behind", Assert.Single(Run(new ClockSkewRule(), behind)).Message.En, StringComparison.Ordinal);
        Assert.Empty(Run(new ClockSkewRule(), Context(Policy(), set, Now)));
    }

    [Fact]
    public void Manifests_the_probe_dropped_unsent_warn_with_how_many_and_when_in_the_branch_time()
    {
        var set = Set(File("a.bak", 1, LastNight));
        var dropped = new SpoolDropReport { Count = 3, FirstFinishedUtc = Local(2026, 11, 28, 3), LastFinishedUtc = Local(2026, 11, 30, 3) };
        var context = Context(Policy(), set, Now);

        var finding = Assert.Single(Run(new SpoolDroppedRule(), context with { Manifest = context.Manifest with { SpoolDropped = dropped } }));

        Assert.Equal("spool-dropped", finding.RuleId);
        Assert.Equal(SetStatus.Warning, finding.Status);
        Assert.Equal(
            "A sonda descartou 3 manifestos não enviados (de 28/11 03:00 a 30/11 03:00): o coletor ficou inacessível além da capacidade da fila. Essas verificações se perderam.",
            finding.Message.Pt);
        Assert.Equal(
            "The probe dropped 3 unsent manifests (from Nov 28 03:00 to Nov 30 03:00): the collector was out of reach for longer than its queue holds. Those checks are lost.",
            finding.Message.En);
        Assert.Empty(Run(new SpoolDroppedRule(), context));
    }

    [Fact]
    public void One_dropped_manifest_is_said_in_the_singular_with_its_one_time()
    {
        var context = Context(Policy(), Set(File("a.bak", 1, LastNight)), Now);
        var one = new SpoolDropReport { Count = 1, FirstFinishedUtc = Local(2026, 11, 29, 3), LastFinishedUtc = Local(2026, 11, 29, 3) };

        var finding = Assert.Single(Run(new SpoolDroppedRule(), context with { Manifest = context.Manifest with { SpoolDropped = one } }));

        Assert.Contains("descartou 1 manifesto não enviado (de 29/11 03:00)", finding.Message.Pt, StringComparison.Ordinal);
        Assert.Contains("dropped 1 unsent manifest (from Nov 29 03:00)", finding.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Drop_times_from_a_fast_probe_clock_are_shown_on_the_collector_clock()
    {
        var context = Context(Policy(), Set(File("a.bak", 1, LastNight)), Now) with { ClockSkew = TimeSpan.FromHours(2) };
        var dropped = new SpoolDropReport { Count = 2, FirstFinishedUtc = Local(2026, 11, 29, 5), LastFinishedUtc = Local(2026, 11, 30, 5) };

        var finding = Assert.Single(Run(new SpoolDroppedRule(), context with { Manifest = context.Manifest with { SpoolDropped = dropped } }));

        Assert.Contains("(de 29/11 03:00 a 30/11 03:00)", finding.Message.Pt, StringComparison.Ordinal);
    }

    [Fact]
    public void The_judge_reports_dropped_manifests_on_a_set_that_is_otherwise_good()
    {
        var set = Set(File("Vendas_1130.bak", 100_000_000, LastNight));
        var context = Context(Policy(), set, Now);
        var dropped = new SpoolDropReport { Count = 2, FirstFinishedUtc = Local(2026, 11, 29, 3), LastFinishedUtc = Local(2026, 11, 30, 3) };

        var verdict = Judge.Default.Evaluate(context with { Manifest = context.Manifest with { SpoolDropped = dropped } });

        Assert.Equal(SetStatus.Warning, verdict.Status);
        Assert.Equal(["spool-dropped"], verdict.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void The_set_state_is_the_worst_of_its_findings()
    {
        var corrupt = new ArchiveReport { Verdict = ArchiveVerdict.Corrupt, Format = "zip", Reason = "CRC" };
        var set = Set(File("Estoque_1130.zip", 100, LastNight) with { Archive = corrupt }) with { VolumeFreeBytes = 1 };

        var verdict = Judge.Default.Evaluate(Context(Policy() with { MinFreeBytes = 1_000, Generations = 3 }, set, Now));

        Assert.Equal(SetStatus.Failed, verdict.Status);
        Assert.Equal(["archive-corrupt", "too-few-generations", "low-free-space"], verdict.Findings.Select(f => f.RuleId));
    }
}
