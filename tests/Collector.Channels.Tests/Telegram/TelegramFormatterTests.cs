using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Channels.Telegram;
using MonitoramentoBKP.Collector.Channels.Tests.Support;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.FakeChannels.Telegram;

namespace MonitoramentoBKP.Collector.Channels.Tests.Telegram;

public sealed class TelegramFormatterTests
{
    private static string Plain(string html)
    {
        var (text, error) = TelegramHtml.Parse(html);
        Assert.True(error is null, error);
        return text!;
    }

    [Fact]
    public void An_alert_is_the_title_in_bold_its_facts_reasons_what_to_do_the_link_and_the_event_id()
    {
        Assert.Equal(
            """
            <b>FALHOU: Loja Moema (F004) sql-vendas</b>
            Aberto

            <b>Evento:</b> Aberto
            <b>Estado:</b> FALHOU
            <b>Anterior:</b> OK
            <b>Desde:</b> 30/11/2026 11:05
            <b>Fuso horário:</b> America/Sao_Paulo

            <b>Motivo</b>
            • O backup mais recente tem 1,2 MB, menos que o mínimo de 50 MB.

            <b>O que fazer:</b> Confira o job de backup no servidor da loja.

            <a href="https://docs.google.com/spreadsheets/d/abc123/edit">Abrir a planilha</a>
            <i>Alerta: F004/sql-vendas/20261130-140500.1</i>
            """,
            TelegramFormatter.Format(Samples.Alert()));
    }

    [Fact]
    public void In_english_the_same_facts_are_in_english()
    {
        var text = Plain(TelegramFormatter.Format(Samples.Alert(SheetLanguage.English)));

        Assert.StartsWith("FAILED: Loja Moema (F004) sql-vendas\nOpened\n", text, StringComparison.Ordinal);
        Assert.Contains("Since: 2026-11-30 11:05", text, StringComparison.Ordinal);
        Assert.Contains("What to do: Check the backup job on the store's server.", text, StringComparison.Ordinal);
        Assert.EndsWith("Open the sheet\nAlert: F004/sql-vendas/20261130-140500.1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_characters_in_names_are_escaped_and_read_back_as_written()
    {
        var alert = Samples.Alert(name: "Loja <Moema> & \"Filhos\"");

        var html = TelegramFormatter.Format(alert);

        Assert.Contains("<b>FALHOU: Loja &lt;Moema&gt; &amp; \"Filhos\" (F004) sql-vendas</b>", html, StringComparison.Ordinal);
        Assert.StartsWith("FALHOU: Loja <Moema> & \"Filhos\" (F004) sql-vendas\n", Plain(html), StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_in_the_link_is_escaped_inside_the_attribute()
    {
        var alert = Samples.Alert() with { SheetUrl = new Uri("https://example.com/a?b=\"c\"&d=<e>") };

        var html = TelegramFormatter.Format(alert);

        Assert.Contains("<a href=\"https://example.com/a?b=%22c%22&amp;d=%3Ce%3E\">", html, StringComparison.Ordinal);
        Plain(html);
    }

    [Fact]
    public void A_storm_of_300_is_cut_within_4096_after_parsing_saying_how_many_more_and_keeping_the_id()
    {
        var storm = Samples.Storm(count: 300);

        var text = Plain(TelegramFormatter.Format(storm));

        Assert.InRange(text.Length, 3500, TelegramText.MaxLength);
        var lines = text.Split('\n');
        var kept = lines.Count(l => l.StartsWith("• ", StringComparison.Ordinal));
        Assert.Equal($"… e mais {300 - kept}", lines[^4]);
        Assert.Equal("Referência: storm/regional-sul/20261130-150000", lines[^1]);
        Assert.StartsWith("300 alertas — Regional Sul", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Length_is_counted_in_utf16_code_units_so_emoji_names_still_fit()
    {
        var plain = Samples.Storm(count: 200);
        var storm = plain with { Notifications = [.. plain.Notifications.Select(n => n with { BranchName = "🏪🏪🏪 Loja 😀 " + n.BranchId })] };

        var text = Plain(TelegramFormatter.Format(storm));

        // Each emoji is two UTF-16 code units: counted as one character, the text would run over 4,096.
        Assert.InRange(text.Length, 3500, TelegramText.MaxLength);
        Assert.Contains("… e mais ", text, StringComparison.Ordinal);
        Assert.True(text.EnumerateRunes().Count() < text.Length);
    }

    [Fact]
    public void A_long_summary_in_english_says_and_n_more_under_the_problems_and_keeps_the_later_headings()
    {
        var text = Plain(TelegramFormatter.Format(Samples.Summary(SheetLanguage.English, problems: 500)));

        Assert.InRange(text.Length, 3500, TelegramText.MaxLength);
        Assert.Matches(@"\n… and \d+ more\n", text);
        Assert.Contains("Probes that need a look (2)", text, StringComparison.Ordinal);
        Assert.EndsWith("Reference: summary/regional-sul/2026-12-01", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_cannot_be_dropped_is_shortened_until_it_fits()
    {
        var alert = Samples.Alert(name: new string('x', 5000)) with { WhatToDo = new(new string('y', 5000), new string('y', 5000)) };

        var text = Plain(TelegramFormatter.Format(alert, maxLength: 1000));

        Assert.InRange(text.Length, 1, 1000);
        Assert.EndsWith("Alerta: F004/sql-vendas/20261130-140500.1", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", 5, "abc")]
    [InlineData("abcdef", 4, "abc…")]
    [InlineData("ab😀cd", 4, "ab…")]
    [InlineData("ab😀cd", 5, "ab😀…")]
    public void Clipping_never_splits_a_surrogate_pair(string text, int max, string expected)
    {
        Assert.Equal(expected, TelegramText.Clip(text, max));
    }

    [Fact]
    public void Every_message_the_code_can_write_parses_as_telegram_html_within_the_limit()
    {
        var messages = Samples.Languages.SelectMany(l => Samples.EveryEvent(l).Cast<ChannelMessage>().Append(Samples.Storm(l, 500)).Append(Samples.Summary(l, 500)));

        foreach (var message in messages)
        {
            Assert.InRange(Plain(TelegramFormatter.Format(message)).Length, 1, TelegramText.MaxLength);
        }
    }

    [Theory]
    [InlineData("a < b", "Unclosed start tag")]
    [InlineData("a > b", "reserved")]
    [InlineData("a & b", "&amp;")]
    [InlineData("<b>a</i>", "Unmatched end tag")]
    [InlineData("<div>a</div>", "Unsupported start tag")]
    [InlineData("<b>a", "Can't find end tag")]
    public void The_fake_refuses_html_telegram_refuses(string html, string error)
    {
        Assert.Contains(error, TelegramHtml.Parse(html).Error, StringComparison.Ordinal);
    }
}
