using System.Text.Json.Nodes;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Channels.Sending;
using MonitoramentoBKP.Collector.Channels.Teams;
using MonitoramentoBKP.Collector.Channels.Tests.Support;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.FakeChannels.Http;
using MonitoramentoBKP.FakeChannels.Schemas;
using MonitoramentoBKP.FakeChannels.Teams;

namespace MonitoramentoBKP.Collector.Channels.Tests.Teams;

public sealed class TeamsChannelTests
{
    private static TeamsChannel Channel(FakeTeamsWorkflow teams, Uri? url = null) =>
        new(Http.Client(), new TeamsSettings { WebhookUrl = url ?? teams.WebhookUrl }, TimeProvider.System);

    /// <summary>Every card the code can produce: each event, each status, a digest and a summary, short and long, in both languages.</summary>
    public static TheoryData<string, ChannelMessage> EveryCard()
    {
        var data = new TheoryData<string, ChannelMessage>();
        foreach (var language in Samples.Languages)
        {
            foreach (var n in Samples.EveryEvent(language))
            {
                data.Add($"{language.Code} {n.Event} {n.Status}", n);
            }

            foreach (var status in Enum.GetValues<SetStatus>())
            {
                data.Add($"{language.Code} status {status}", Samples.Alert(language, status: status));
            }

            data.Add($"{language.Code} no link, no reasons, nothing to do", Samples.Alert(language) with { SheetUrl = null, Reasons = [], WhatToDo = null });
            data.Add($"{language.Code} long texts", Samples.Alert(language, name: new string('L', 3000)) with { Reasons = [.. Enumerable.Repeat(Samples.TooSmall with { Pt = new string('m', 2000), En = new string('m', 2000) }, 10)] });
            data.Add($"{language.Code} small storm", Samples.Storm(language, 11));
            data.Add($"{language.Code} storm of 300", Samples.Storm(language, 300));
            data.Add($"{language.Code} summary", Samples.Summary(language));
            data.Add($"{language.Code} summary of 400 problems", Samples.Summary(language, 400));
            data.Add($"{language.Code} quiet summary", Samples.Summary(language, 0) with { Recovered = [], Probes = [] });
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCard))]
    public void Every_card_validates_against_the_adaptive_card_1_5_schema(string name, ChannelMessage message)
    {
        var envelope = TeamsFormatter.Format(message);

        var errors = SchemaCheck.AdaptiveCardErrors(envelope["attachments"]![0]!["content"]!);

        Assert.True(errors.Count == 0, $"{name}: {string.Join("; ", errors)}");
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(envelope.ToJsonString(ChannelJson.Options)), 1, 28_000);
    }

    [Fact]
    public void The_schema_check_catches_a_card_teams_would_refuse()
    {
        var card = TeamsFormatter.Card(Samples.Alert());
        card["body"]![0]!["type"] = "Paragraph";
        card["actions"]![0]!.AsObject().Remove("url");

        Assert.NotEmpty(SchemaCheck.AdaptiveCardErrors(card));
    }

    [Fact]
    public void An_alert_card_is_the_title_coloured_by_status_the_facts_the_reasons_what_to_do_the_id_and_a_link()
    {
        var card = TeamsFormatter.Card(Samples.Alert());

        Assert.Equal(
            """{"$schema":"http://adaptivecards.io/schemas/adaptive-card.json","type":"AdaptiveCard","version":"1.5","fallbackText":"FALHOU: Loja Moema (F004) sql-vendas (Alerta: F004/sql-vendas/20261130-140500.1)","body":[{"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"FALHOU: Loja Moema (F004) sql-vendas","weight":"Bolder","size":"Medium","color":"Attention"}]},{"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"Aberto","isSubtle":true}],"spacing":"None"},{"type":"FactSet","facts":[{"title":"Evento","value":"Aberto"},{"title":"Estado","value":"FALHOU"},{"title":"Anterior","value":"OK"},{"title":"Desde","value":"30/11/2026 11:05"},{"title":"Fuso horário","value":"America/Sao_Paulo"}]},{"type":"Container","separator":true,"items":[{"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"Motivo","weight":"Bolder"}]},{"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"• O backup mais recente tem 1,2 MB, menos que o mínimo de 50 MB."}],"spacing":"None"}]},{"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"O que fazer: ","weight":"Bolder"},{"type":"TextRun","text":"Confira o job de backup no servidor da loja."}],"separator":true},{"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"Alerta: F004/sql-vendas/20261130-140500.1","isSubtle":true,"size":"Small","italic":true}]}],"actions":[{"type":"Action.OpenUrl","title":"Abrir a planilha","url":"https://docs.google.com/spreadsheets/d/abc123/edit"}]}""",
            card.ToJsonString(ChannelJson.Options));
    }

    [Fact]
    public void A_recovery_is_green_and_in_english_says_resolved()
    {
        var card = TeamsFormatter.Card(Samples.Alert(SheetLanguage.English, Alerts.AlertEvent.Resolved, SetStatus.Ok, SetStatus.Failed, 2, duration: TimeSpan.FromHours(3)));

        Assert.Equal("Good", (string?)card["body"]![0]!["inlines"]![0]!["color"]);
        Assert.Equal("Resolved", (string?)card["body"]![1]!["inlines"]![0]!["text"]);
        Assert.Contains("""{"title":"Duration","value":"3 hours"}""", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_is_taken_by_the_workflow_with_202()
    {
        await using var teams = await FakeTeamsWorkflow.StartAsync();

        var outcome = await Channel(teams).SendAsync(Samples.Storm(SheetLanguage.English, 300), default);

        Assert.IsType<SendOutcome.Delivered>(outcome);
        Assert.Equal(202, Assert.Single(teams.Received).Status);
        Assert.Contains("… and ", Assert.Single(teams.Cards).ToJsonString(ChannelJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_signature_is_permanent_with_the_flows_words()
    {
        await using var teams = await FakeTeamsWorkflow.StartAsync();
        var wrong = new Uri(teams.WebhookUrl.AbsoluteUri.Replace(teams.Signature, "stale", StringComparison.Ordinal));

        var outcome = await Channel(teams, wrong).SendAsync(Samples.Alert(), default);

        var refused = Assert.IsType<SendOutcome.Permanent>(outcome);
        Assert.Equal(401, refused.Status);
        Assert.StartsWith("Teams Workflows answered 401: DirectApiAuthorizationRequired", refused.Detail, StringComparison.Ordinal);
        Assert.Contains("check the Workflows URL", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_failure_refusal_and_silence_are_told_apart()
    {
        await using var teams = await FakeTeamsWorkflow.StartAsync();
        teams.Enqueue(ChannelFault.RateLimited(TimeSpan.FromSeconds(9)));
        teams.Enqueue(ChannelFault.Fail(500));
        teams.Enqueue(ChannelFault.Fail(403));
        teams.Enqueue(ChannelFault.Hung());
        var channel = Channel(teams);

        Assert.Equal(TimeSpan.FromSeconds(9), Assert.IsType<SendOutcome.RetryAfter>(await channel.SendAsync(Samples.Alert(), default)).Delay);
        Assert.True(Assert.IsType<SendOutcome.Transient>(await channel.SendAsync(Samples.Alert(), default)).Uncertain);
        Assert.Equal(403, Assert.IsType<SendOutcome.Permanent>(await channel.SendAsync(Samples.Alert(), default)).Status);
        Assert.True(Assert.IsType<SendOutcome.Transient>(await channel.SendAsync(Samples.Alert(), default)).Uncertain);
        Assert.Empty(teams.Cards);
    }

    [Fact]
    public void The_envelope_is_a_message_with_one_adaptive_card_attachment()
    {
        var envelope = TeamsFormatter.Format(Samples.Alert());

        Assert.Equal("message", (string?)envelope["type"]);
        var attachment = Assert.Single(envelope["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.Equal("1.5", (string?)attachment["content"]!["version"]);
        Assert.IsType<JsonObject>(attachment["content"]);
    }
}
