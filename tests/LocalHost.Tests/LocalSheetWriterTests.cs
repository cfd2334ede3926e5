using System.Text;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.LocalHost.LocalSheet;
using MonitoramentoBKP.LocalHost.Tests.Support;

namespace MonitoramentoBKP.LocalHost.Tests;

public sealed class LocalSheetWriterTests : IDisposable
{
    private static readonly byte[] Mark = [0xEF, 0xBB, 0xBF];
    private static readonly SheetLanguage Pt = SheetLanguage.Portuguese;
    private static readonly SheetLanguage En = SheetLanguage.English;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Read(string name) => Encoding.UTF8.GetString(File.ReadAllBytes(_folder.File(name))[Mark.Length..]);

    private static string[][] Texts(LocalSheetTable table) => [.. table.Rows.Select(r => r.Select(c => c.Text).ToArray())];

    private static SheetTab OneRow(SheetTab tab, params (int Column, string Text)[] changes) =>
        tab with { Rows = [[.. tab.Rows[0].Select((cell, i) => changes.Any(c => c.Column == i) ? SheetCell.Of(changes.Single(c => c.Column == i).Text) : cell)]] };

    [Fact]
    public async Task Init_writes_the_three_files_in_UTF8_with_a_byte_order_mark_and_a_Portuguese_header_row_separated_by_semicolons()
    {
        var sheet = new LocalSheetWriter(_folder.Path);

        await sheet.InitAsync(SampleSheet.Layout(Pt), Pt, default);

        Assert.Equal(["alertas.csv", "historico.csv", "status.csv"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(Directory.GetFiles(_folder.Path), f => Assert.Equal(Mark, File.ReadAllBytes(f)[..3]));
        Assert.Equal("Filial;Nome;Conjunto;Estado;Desde;Motivo;Último backup;Arquivo;Tamanho;Última comunicação;Versão da sonda;Fuso horário\r\n", Read("status.csv"));
        Assert.Equal("Alerta;Data;Filial;Nome;Conjunto;Evento;Estado;Anterior;Motivo;Duração;Fuso horário\r\n", Read("alertas.csv"));
        Assert.Equal("Filial;Nome;Conjunto;" + string.Join(';', Enumerable.Range(1, 30).Select(d => $"{d:00}/11")) + "\r\n", Read("historico.csv"));
    }

    [Fact]
    public async Task Rows_are_written_with_the_languages_separator_and_date_format()
    {
        var portuguese = new LocalSheetWriter(_folder.File("pt"));
        var english = new LocalSheetWriter(_folder.File("en"));

        await portuguese.RewriteAsync(OneRow(SampleSheet.Status(Pt)), Pt, default);
        await english.RewriteAsync(OneRow(SampleSheet.Status(En)), En, default);

        Assert.EndsWith("\r\nF004;Loja Centro;sql-vendas;FALHOU;30/11/2026 02:10;Backup vazio;30/11/2026 01:45;D:\\Backup\\Vendas_1130.bak;286 MB;30/11/2026 02:05;1.4.0;America/Sao_Paulo\r\n", Read("pt/status.csv"), StringComparison.Ordinal);
        Assert.StartsWith("Branch,Name,Set,Status,Since,Reason,Last backup,File,Size,Last contact,Probe version,Time zone\r\n", Read("en/status.csv"), StringComparison.Ordinal);
        Assert.EndsWith("\r\nF004,Loja Centro,sql-vendas,FAILED,2026-11-30 02:10,Backup vazio,2026-11-30 01:45,D:\\Backup\\Vendas_1130.bak,286 MB,2026-11-30 02:05,1.4.0,America/Sao_Paulo\r\n", Read("en/status.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_with_the_separator_quotes_or_a_line_break_is_quoted_and_its_quotes_doubled()
    {
        var sheet = new LocalSheetWriter(_folder.Path);

        await sheet.RewriteAsync(OneRow(SampleSheet.Status(Pt), (1, "Loja \"Centro\"; 2º andar\nsala 3"), (5, "a, b")), Pt, default);

        Assert.Contains("\r\nF004;\"Loja \"\"Centro\"\"; 2º andar\nsala 3\";sql-vendas;FALHOU;30/11/2026 02:10;a, b;", Read("status.csv"), StringComparison.Ordinal);

        await sheet.RewriteAsync(OneRow(SampleSheet.Status(En), (1, "Loja \"Centro\"; 2º andar\nsala 3"), (5, "a, b")), En, default);

        Assert.Contains("\r\nF004,\"Loja \"\"Centro\"\"; 2º andar\nsala 3\",sql-vendas,FAILED,2026-11-30 02:10,\"a, b\",", Read("status.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_are_only_ever_appended_and_a_new_writer_on_the_same_folder_reads_them_back()
    {
        var awkward = OneRow(SampleSheet.Opened(Pt, "F004/sql-vendas/20261130-0300.1"), (3, "Loja \"Centro\"; 2º andar\nsala 3"));
        var first = new LocalSheetWriter(_folder.Path);
        await first.InitAsync(SampleSheet.Layout(Pt), Pt, default);
        await first.AppendAlertsAsync(awkward, Pt, default);
        await first.AppendAlertsAsync(SampleSheet.Resolved(Pt, "F004/sql-vendas/20261130-0300.2"), Pt, default);
        var written = File.ReadAllBytes(_folder.File("alertas.csv"));

        var second = new LocalSheetWriter(_folder.Path);
        var reloaded = second.Snapshot().Table(SheetTab.Alerts);
        var ids = await second.AlertIdsAsync(default);
        await second.InitAsync(SampleSheet.Layout(Pt), Pt, default);
        await second.AppendAlertsAsync(SampleSheet.Opened(Pt, "F002/sql-vendas/20261130-0400.1"), Pt, default);
        var appended = File.ReadAllBytes(_folder.File("alertas.csv"));
        var third = new LocalSheetWriter(_folder.Path);

        Assert.Equal(Texts(first.Snapshot().Table(SheetTab.Alerts)), Texts(reloaded));
        Assert.Equal("Loja \"Centro\"; 2º andar\nsala 3", reloaded.Rows[0][3].Text);
        Assert.Equal([CellTone.Bad, CellTone.Good], reloaded.Rows.Select(r => r[6].Tone));
        Assert.Equal(new HashSet<string> { "F004/sql-vendas/20261130-0300.1", "F004/sql-vendas/20261130-0300.2" }, ids);
        Assert.Equal(written, appended[..written.Length]);
        Assert.Equal(1, Read("alertas.csv").Split("Alerta;Data;").Length - 1);
        Assert.Equal(["F004/sql-vendas/20261130-0300.1", "F004/sql-vendas/20261130-0300.2", "F002/sql-vendas/20261130-0400.1"], third.Snapshot().Table(SheetTab.Alerts).Rows.Select(r => r[0].Text));
        Assert.Equal(3, (await third.AlertIdsAsync(default)).Count);
    }

    [Fact]
    public async Task Init_is_idempotent_and_never_clears_what_is_there()
    {
        var sheet = new LocalSheetWriter(_folder.Path);
        await sheet.InitAsync(SampleSheet.Layout(Pt), Pt, default);
        await sheet.RewriteAsync(SampleSheet.Status(Pt), Pt, default);
        await sheet.AppendAlertsAsync(SampleSheet.Opened(Pt, "F004/sql-vendas/20261130-0300.1"), Pt, default);
        var before = Directory.GetFiles(_folder.Path).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();

        await sheet.InitAsync(SampleSheet.Layout(Pt), Pt, default);
        await new LocalSheetWriter(_folder.Path).InitAsync(SampleSheet.Layout(Pt), Pt, default);

        Assert.Equal(before, Directory.GetFiles(_folder.Path).Order(StringComparer.Ordinal).Select(File.ReadAllBytes));
        Assert.Equal(4, sheet.Snapshot().Table(SheetTab.Status).Rows.Count);
    }

    [Fact]
    public async Task A_reader_never_sees_half_a_rewrite_and_no_temporary_file_is_left_behind()
    {
        var sheet = new LocalSheetWriter(_folder.Path);
        await sheet.InitAsync(SampleSheet.Layout(Pt), Pt, default);
        var status = SampleSheet.Status(Pt);
        var shapes = new[] { status, status with { Rows = status.Rows.Take(1).ToList() } };
        using var done = new CancellationTokenSource();
        var seen = new List<int>();
        var reader = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                var text = Read("status.csv");
                seen.Add(text.EndsWith("\r\n", StringComparison.Ordinal) ? text.Split("\r\n").Length - 2 : -1);
            }
        });

        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await sheet.RewriteAsync(shapes[(w + i) % 2], Pt, default);
            }
        })));
        await done.CancelAsync();
        await reader;

        Assert.All(seen, rows => Assert.Contains(rows, new[] { 0, 1, 4 }));
        Assert.Equal(["alertas.csv", "historico.csv", "status.csv"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Headers_follow_the_language_of_the_latest_write_and_the_alert_log_follows_it_whole()
    {
        var sheet = new LocalSheetWriter(_folder.Path);
        await sheet.RewriteAsync(SampleSheet.Status(Pt), Pt, default);
        await sheet.AppendAlertsAsync(SampleSheet.Opened(Pt, "F004/sql-vendas/20261130-0300.1"), Pt, default);

        await sheet.AppendAlertsAsync(SampleSheet.Resolved(En, "F004/sql-vendas/20261130-0300.2"), En, default);

        var snapshot = sheet.Snapshot();
        Assert.Equal(En, snapshot.Language);
        Assert.Equal("Branch", snapshot.Table(SheetTab.Status).Headers[0]);
        Assert.Equal("FALHOU", snapshot.Table(SheetTab.Status).Rows[0][3].Text);
        Assert.Equal(CellTone.Bad, snapshot.Table(SheetTab.Status).Rows[0][3].Tone);
        Assert.StartsWith("Alert,Time,Branch,", Read("alertas.csv"), StringComparison.Ordinal);
        Assert.Equal(["F004/sql-vendas/20261130-0300.1", "F004/sql-vendas/20261130-0300.2"], new LocalSheetWriter(_folder.Path).Snapshot().Table(SheetTab.Alerts).Rows.Select(r => r[0].Text));
    }

    [Fact]
    public async Task A_tab_the_sheet_does_not_have_is_refused_for_good()
    {
        var sheet = new LocalSheetWriter(_folder.Path);

        var refused = await Assert.ThrowsAsync<SheetDeliveryException>(() => sheet.RewriteAsync(new SheetTab("Resumo", SheetLayout.StatusColumns, []), Pt, default));

        Assert.True(refused.Permanent);
    }

    [Fact]
    public void A_file_that_is_not_the_sheets_is_kept_aside_rather_than_overwritten()
    {
        Directory.CreateDirectory(_folder.Path);
        File.WriteAllText(_folder.File("alertas.csv"), "anotações do gerente\n");

        var sheet = new LocalSheetWriter(_folder.Path);

        Assert.Empty(sheet.Snapshot().Table(SheetTab.Alerts).Rows);
        Assert.False(File.Exists(_folder.File("alertas.csv")));
        Assert.Equal("anotações do gerente\n", File.ReadAllText(Assert.Single(Directory.GetFiles(_folder.Path, "alertas-unreadable-*.csv"))));
    }

    [Fact]
    public void It_describes_itself_by_its_full_folder_path()
    {
        var sheet = new LocalSheetWriter(Path.GetRelativePath(Environment.CurrentDirectory, _folder.Path));

        Assert.Equal($"local sheet at {_folder.Path}", sheet.Describe);
        Assert.True(Directory.Exists(_folder.Path));
    }
}
