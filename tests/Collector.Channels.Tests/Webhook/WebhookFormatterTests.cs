using System.Text.Json.Nodes;
using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Channels.Tests.Support;
using MonitoramentoBKP.Collector.Channels.Webhook;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.FakeChannels.Schemas;

namespace MonitoramentoBKP.Collector.Channels.Tests.Webhook;

public sealed class WebhookFormatterTests
{
    [Fact]
    public void An_alert_is_the_documented_v1_shape_exactly()
    {
        var body = WebhookFormatter.Format(Samples.Alert());

        Assert.Equal(
            """{"schema":"monitoramentobkp.alert/v1","event":"opened","eventId":"F004/sql-vendas/20261130-140500.1","incidentId":"F004/sql-vendas/20261130-140500","branch":{"id":"F004","name":"Loja Moema"},"set":"sql-vendas","status":"failed","previous":"ok","reason":{"pt-BR":"O backup mais recente tem 1,2 MB, menos que o mínimo de 50 MB.","en":"The newest backup is 1.2 MB, under the 50 MB minimum."},"atUtc":"2026-11-30T14:05:00Z","atLocal":"2026-11-30T11:05:00-03:00","sinceUtc":"2026-11-30T14:05:00Z","durationSeconds":null,"whatToDo":{"pt-BR":"Confira o job de backup no servidor da loja.","en":"Check the backup job on the store's server."},"timeZone":"America/Sao_Paulo","sheetUrl":"https://docs.google.com/spreadsheets/d/abc123/edit"}""",
            body);
    }

    [Fact]
    public void Every_alert_digest_and_summary_the_code_can_write_matches_its_published_schema()
    {
        var messages = Samples.Languages.SelectMany(l => Samples.EveryEvent(l).Cast<ChannelMessage>()
            .Concat(Enum.GetValues<SetStatus>().Select(s => Samples.Alert(l, status: s)))
            .Append(Samples.Storm(l, 40))
            .Append(Samples.Summary(l, 30))
            .Append(Samples.Summary(l, 0) with { Recovered = [], Probes = [], SheetUrl = null }))
            .ToList();

        foreach (var message in messages)
        {
            var errors = SchemaCheck.WebhookErrors(JsonNode.Parse(WebhookFormatter.Format(message))!);
            Assert.True(errors.Count == 0, $"{message.EventId}: {string.Join("; ", errors)}");
        }
    }

    [Fact]
    public void The_schema_check_catches_a_body_that_breaks_the_shape()
    {
        var body = JsonNode.Parse(WebhookFormatter.Format(Samples.Alert()))!.AsObject();
        body["status"] = "broken";
        body.Remove("incidentId");

        var errors = SchemaCheck.WebhookErrors(body);

        Assert.Contains(errors, e => e.Contains("/status", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("incidentId", StringComparison.Ordinal));
    }

    [Fact]
    public void A_digest_carries_counts_per_status_and_the_alerts_worst_first()
    {
        var body = JsonNode.Parse(WebhookFormatter.Format(Samples.Storm(count: 8)))!;

        Assert.Equal("monitoramentobkp.digest/v1", (string?)body["schema"]);
        Assert.Equal("""{"failed":2,"missed":2,"silent":2,"warning":2}""", body["counts"]!.ToJsonString());
        Assert.Equal(["F005", "F001", "F006", "F002", "F007", "F003", "F008", "F004"], body["alerts"]!.AsArray().Select(a => (string?)a!["branch"]!["id"]));
    }

    [Fact]
    public void A_summary_carries_all_five_counts_and_its_local_day()
    {
        var body = JsonNode.Parse(WebhookFormatter.Format(Samples.Summary(SheetLanguage.English)))!;

        Assert.Equal("monitoramentobkp.summary/v1", (string?)body["schema"]);
        Assert.Equal("2026-12-01", (string?)body["day"]);
        Assert.Equal("""{"ok":280,"warning":1,"failed":1,"missed":1,"silent":0}""", body["counts"]!.ToJsonString());
        Assert.Equal(3 * 3600, (long?)body["recovered"]![0]!["durationSeconds"]);
        Assert.True((bool?)body["probes"]![1]!["updateFailed"]);
    }

    [Fact]
    public void The_signature_is_the_hex_hmac_sha256_of_the_exact_body_with_the_secret()
    {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", WebhookFormatter.Sign("what do ya want for nothing?", "Jefe"));
    }

    [Fact]
    public void A_resolved_alert_says_how_long_it_lasted_in_seconds()
    {
        var body = JsonNode.Parse(WebhookFormatter.Format(Samples.Alert(what: AlertEvent.Resolved, status: SetStatus.Ok, previous: SetStatus.Failed, n: 2, duration: TimeSpan.FromMinutes(90))))!;

        Assert.Equal(("resolved", "ok", "failed", 5400L), ((string?)body["event"], (string?)body["status"], (string?)body["previous"], (long?)body["durationSeconds"]));
        Assert.Equal("""{"pt-BR":"","en":""}""", body["reason"]!.ToJsonString());
    }
}
