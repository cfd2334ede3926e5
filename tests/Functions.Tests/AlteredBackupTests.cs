using Microsoft.AspNetCore.Mvc;
using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.State;
using MonitoramentoBKP.Functions.Tests.Support;
using MonitoramentoBKP.Functions.Triggers;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;

namespace MonitoramentoBKP.Functions.Tests;

/// <summary>Backups that change content after they were written: the ransomware and bit-rot pattern.</summary>
public sealed class AlteredBackupTests
{
    private static readonly DateTime Night = Local(2026, 11, 30, 23);
    private readonly TestCollector _collector = new(new DateTimeOffset(Night.AddMinutes(2), TimeSpan.Zero));
    private readonly Branch _branch;

    public AlteredBackupTests() => _branch = new Branch(_collector);

    private static IReadOnlyList<Contracts.FileReport> Altered(IReadOnlyList<Contracts.FileReport> files, int count) =>
        [.. files.Select((f, i) => i < count ? f with { Sha256 = Sha("encrypted " + f.Path), HashedThisRun = true } : f)];

    private async Task NextRunAsync(IReadOnlyList<Contracts.FileReport> vendas, int expected = 202)
    {
        _collector.Time.Advance(TimeSpan.FromMinutes(30));
        var at = _collector.Time.GetUtcNow().UtcDateTime.AddSeconds(-5);
        Assert.Equal(expected, await _branch.SendAsync(Branch.Run(at, vendas)));
    }

    [Fact]
    public async Task Every_file_of_a_10000_file_set_altered_gives_one_failed_status_and_one_alert_that_says_how_many()
    {
        await _branch.ImportSampleAsync();
        var files = Branch.Vendas(Night, 10_000);
        Assert.Equal(202, await _branch.SendAsync(Branch.Run(Night, files)));

        await NextRunAsync(Altered(files, files.Count));
        await _collector.Sheet.DispatchAsync(default);

        var set = await _branch.SetAsync("sql-vendas");
        Assert.Equal(SetStatus.Failed, set.Status);
        var finding = Assert.Single(set.Reasons, r => r.RuleId == "backup-altered");
        Assert.Contains("10000 backups (100%)", finding.Pt, StringComparison.Ordinal);
        Assert.Contains("ransomware", finding.En, StringComparison.Ordinal);
        Assert.InRange(finding.Pt.Length, 1, Bounded.MaxMessageChars);
        var alert = Assert.Single(_collector.Writer.Alerts, r => r.Contains("sql-vendas"));
        Assert.Contains(alert, cell => cell.Contains("10000 backups", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_altered_backup_is_reported_on_every_run_until_it_is_written_again()
    {
        await _branch.ImportSampleAsync();
        var files = Branch.Vendas(Night, 7);
        await _branch.SendAsync(Branch.Run(Night, files));
        var altered = Altered(files, 1);

        await NextRunAsync(altered);
        var first = await _branch.StatusAsync();
        await NextRunAsync(altered);
        var second = await _branch.StatusAsync();
        await NextRunAsync([files[0] with { LastWriteUtc = files[0].LastWriteUtc.AddDays(1), Sha256 = Sha("rewritten") }, .. files.Skip(1)]);
        var rewritten = await _branch.StatusAsync();

        Assert.Equal(SetStatus.Failed, first);
        Assert.Equal(SetStatus.Failed, second);
        Assert.Equal(SetStatus.Ok, rewritten);
        var told = _collector.State.Changes.Where(c => c.SetId == "sql-vendas" && c.Notify).Select(c => (c.Old, c.New)).ToList();
        Assert.Equal([(SetStatus.Ok, SetStatus.Failed), (SetStatus.Failed, SetStatus.Ok)], told);
    }

    [Fact]
    public async Task An_altered_backup_that_is_removed_is_no_longer_reported()
    {
        await _branch.ImportSampleAsync();
        var files = Branch.Vendas(Night, 9);
        await _branch.SendAsync(Branch.Run(Night, files));

        await NextRunAsync(Altered(files, 2));
        var altered = await _branch.StatusAsync();
        await NextRunAsync([.. files.Skip(2)]);

        Assert.Equal(SetStatus.Failed, altered);
        Assert.Equal(SetStatus.Ok, await _branch.StatusAsync());
    }

    [Fact]
    public async Task Acknowledging_altered_backups_clears_them_and_the_reason_reaches_the_alert_log()
    {
        await _branch.ImportSampleAsync();
        var files = Branch.Vendas(Night, 7);
        await _branch.SendAsync(Branch.Run(Night, files));
        var altered = Altered(files, 3);
        await NextRunAsync(altered);
        await _collector.Sheet.DispatchAsync(default);
        var acknowledge = new AcknowledgeSet(_collector.Acknowledge);

        var result = await acknowledge.Run(TestCollector.Request("POST", """{"reason": "restauração testada: arquivos recompactados pelo TI"}"""), Branch.Id, "sql-vendas", default);
        await _collector.Sheet.DispatchAsync(default);
        var afterAcknowledge = await _branch.StatusAsync();
        await NextRunAsync(altered);
        var again = await _collector.Acknowledge.AcknowledgeAsync(Branch.Id, "sql-vendas", "de novo", default);

        Assert.Equal(200, Assert.IsType<OkObjectResult>(result).StatusCode);
        Assert.Equal(SetStatus.Ok, afterAcknowledge);
        Assert.Equal(SetStatus.Ok, await _branch.StatusAsync());
        Assert.Equal(409, again.StatusCode);
        var log = _collector.Writer.Alerts.Where(r => r.Contains("sql-vendas")).ToList();
        Assert.Equal(["Aberto", "Reconhecido", "Resolvido"], log.Select(r => r.Single(cell => cell is "Aberto" or "Reconhecido" or "Resolvido")));
        Assert.Contains(log[1], cell => cell.Contains("restauração testada", StringComparison.Ordinal) && cell.Contains("3 backup(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_acknowledgement_without_a_reason_or_of_an_unknown_set_is_refused_and_changes_nothing()
    {
        await _branch.ImportSampleAsync();
        var files = Branch.Vendas(Night, 7);
        await _branch.SendAsync(Branch.Run(Night, files));
        await NextRunAsync(Altered(files, 1));
        var acknowledge = new AcknowledgeSet(_collector.Acknowledge);
        var before = await _collector.State.ReadAsync(Branch.Id, default);

        var noReason = await acknowledge.Run(TestCollector.Request("POST", """{"reason": "  "}"""), Branch.Id, "sql-vendas", default);
        var notJson = await acknowledge.Run(TestCollector.Request("POST", "reason=x"), Branch.Id, "sql-vendas", default);
        var unknownSet = await acknowledge.Run(TestCollector.Request("POST", """{"reason": "ok"}"""), Branch.Id, "fotos", default);
        var unknownBranch = await acknowledge.Run(TestCollector.Request("POST", """{"reason": "ok"}"""), "F999", "sql-vendas", default);

        Assert.Equal([400, 400, 404, 404], new[] { noReason, notJson, unknownSet, unknownBranch }.Select(r => ((ObjectResult)r).StatusCode));
        Assert.Equal(before.Version, (await _collector.State.ReadAsync(Branch.Id, default)).Version);
        Assert.Equal(SetStatus.Failed, await _branch.StatusAsync());
    }
}
