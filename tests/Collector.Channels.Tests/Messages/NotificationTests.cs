using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Channels.Tests.Support;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Channels.Tests.Messages;

public sealed class NotificationTests
{
    [Fact]
    public void An_alert_row_gives_its_id_as_event_id_and_its_prefix_as_incident_id()
    {
        var n = Samples.Alert(what: AlertEvent.Resolved, status: SetStatus.Ok, previous: SetStatus.Failed, n: 3);

        Assert.Equal("F004/sql-vendas/20261130-140500.3", n.EventId);
        Assert.Equal("F004/sql-vendas/20261130-140500", n.IncidentId);
        Assert.Equal(3, n.Sequence);
        Assert.Equal("F004/sql-vendas/20261130-140500.1", n.FirstEventId);
    }

    [Theory]
    [InlineData("F004/sql/20261130-140500")]
    [InlineData("F004/sql/20261130-140500.0")]
    [InlineData("F004/sql/20261130-140500.x")]
    public void An_alert_id_without_its_row_number_is_refused_saying_why(string id)
    {
        var row = Samples.Row() with { AlertId = id };

        var e = Assert.Throws<ArgumentException>(() => Notification.From(row, new NotificationContext { BranchName = "Loja", SinceUtc = Samples.Opened, TimeZone = Samples.SaoPaulo }));

        Assert.Contains(id, e.Message, StringComparison.Ordinal);
        Assert.Contains("{n}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_headline_uses_the_sheets_status_word_and_the_branch_name_and_id()
    {
        Assert.Equal("FALHOU: Loja Moema (F004) sql-vendas", MessageDocuments.Of(Samples.Alert()).Subject);
        Assert.Equal("FAILED: Loja Moema (F004) sql-vendas", MessageDocuments.Of(Samples.Alert(SheetLanguage.English)).Subject);
        Assert.Equal("OK: Loja Moema (F004) sql-vendas — Resolvido", MessageDocuments.Of(Samples.Alert(what: AlertEvent.Resolved, status: SetStatus.Ok, previous: SetStatus.Failed, n: 2)).Subject);
    }

    [Fact]
    public void Every_status_word_of_a_message_is_the_sheets_word_for_it()
    {
        foreach (var language in Samples.Languages)
        {
            foreach (var status in Enum.GetValues<SetStatus>())
            {
                var document = MessageDocuments.Of(Samples.Alert(language, status: status, previous: SetStatus.Ok));
                Assert.Equal(language.Say(SheetPalette.Label(status)), document.Facts.Single(f => f.Label == language.Say(ChannelWords.Status)).Value);
            }
        }
    }

    [Fact]
    public void The_facts_of_an_alert_are_its_event_status_previous_since_duration_and_zone_with_the_event_id()
    {
        var document = MessageDocuments.Of(Samples.Alert(what: AlertEvent.Reminder, status: SetStatus.Failed, previous: SetStatus.Warning, n: 2, duration: TimeSpan.FromHours(26)));

        Assert.Equal(
            [("Evento", "Lembrete"), ("Estado", "FALHOU"), ("Anterior", "ATENÇÃO"), ("Desde", "30/11/2026 11:05"), ("Duração", "26 horas"), ("Fuso horário", "America/Sao_Paulo")],
            document.Facts.Select(f => (f.Label, f.Value)));
        Assert.Equal(["O backup mais recente tem 1,2 MB, menos que o mínimo de 50 MB."], document.Sections.Single().Items);
        Assert.Equal("Alerta: F004/sql-vendas/20261130-140500.2", document.Reference);
        Assert.Equal("Confira o job de backup no servidor da loja.", document.WhatToDo);
    }

    [Fact]
    public void A_storm_digest_counts_per_status_worst_first_and_lists_the_alerts_worst_first()
    {
        var storm = Samples.Storm(count: 8);

        Assert.Equal([(SetStatus.Failed, 2), (SetStatus.Missed, 2), (SetStatus.Silent, 2), (SetStatus.Warning, 2)], storm.CountsByStatus);
        Assert.Equal(["F005", "F001", "F006", "F002", "F007", "F003", "F008", "F004"], storm.WorstFirst.Select(n => n.BranchId));
        var document = MessageDocuments.Of(storm);
        Assert.Equal("8 alertas — Regional Sul: 2 FALHOU · 2 ATRASADO · 2 SEM CONTATO · 2 ATENÇÃO", document.Subject);
        Assert.Equal("FALHOU: Loja 5 (F005) sql — desde 30/11/2026 11:00 — O backup mais recente tem 1,2 MB, menos que o mínimo de 50 MB.", document.Sections.Single().Items[0]);
    }

    [Fact]
    public void A_daily_summary_counts_every_status_lists_problems_worst_first_recoveries_and_probes()
    {
        var document = MessageDocuments.Of(Samples.Summary(SheetLanguage.English));

        Assert.Equal("Daily summary 2026-12-01 — Regional Sul: 1 FAILED · 1 MISSED · 0 SILENT · 1 WARNING · 280 OK", document.Subject);
        Assert.Equal(["Problems (3)", "Recovered in the last 24 h (1)", "Probes that need a look (2)"], document.Sections.Select(s => s.Heading));
        Assert.Equal(["FAILED: Loja 1 (F001) sql", "MISSED: Loja 2 (F002) sql", "WARNING: Loja 3 (F003) sql"], document.Sections[0].Items.Select(i => i[..i.IndexOf(" — ", StringComparison.Ordinal)]));
        Assert.Equal("Loja Centro (F010) fotos — 2026-12-01 02:00, lasted 3 hours", document.Sections[1].Items.Single());
        Assert.Equal(["Loja Norte (F020) — Probe version 0.9.0: old version", "Loja Sul (F021) — Probe version 0.9.1: the update failed (assinatura inválida)"], document.Sections[2].Items);
    }

    [Fact]
    public void A_summary_with_no_problem_says_so()
    {
        var document = MessageDocuments.Of(Samples.Summary(problems: 0) with { Recovered = [], Probes = [] });

        Assert.Equal([("Problemas (0)", "Nenhum problema")], document.Sections.Select(s => (s.Heading, s.Items.Single())));
        Assert.Equal(SetStatus.Failed, document.Tone);
    }
}
