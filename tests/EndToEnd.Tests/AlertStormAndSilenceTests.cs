using System.Net;
using System.Text.Json.Nodes;
using MimeKit;
using MonitoramentoBKP.EndToEnd.Tests.Support;
using MonitoramentoBKP.FakeChannels.GoogleChat;
using MonitoramentoBKP.FakeChannels.Smtp;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;

namespace MonitoramentoBKP.EndToEnd.Tests;

/// <summary>
/// A storm and a silence through the local host as a process: a registry of <c>n</c> stores in the south with an
/// e-mail route (their regional manager) and a Chat route (ops), no quiet hours and no daily summary, so every
/// message counted here is an alert.
/// </summary>
public sealed class AlertStormAndSilenceTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static string Registry(int stores)
    {
        var branches = new JsonArray();
        for (var i = 1; i <= stores; i++)
        {
            branches.Add(new JsonObject { ["id"] = $"L{i:D3}", ["name"] = $"Loja {i}", ["template"] = "loja", ["tags"] = new JsonArray("sul") });
        }

        var registry = JsonNode.Parse("""
            {
              "templates": { "loja": { "timeZone": "America/Sao_Paulo", "sets": [ { "id": "sql-vendas", "root": "C:\\backup_sql\\Vendas", "schedule": "0 22 * * *" } ] } },
              "routes": [
                { "id": "regional-sul", "name": "Regional Sul", "channel": "email", "settings": "regional_sul", "branches": { "tags": ["sul"] },
                  "events": ["opened", "escalated", "reopened", "resolved"] },
                { "id": "ops", "name": "Operações", "channel": "googleChat", "settings": "ops_chat", "events": ["opened", "escalated", "reopened", "resolved"] }
              ]
            }
            """)!.AsObject();
        registry["branches"] = branches;
        return registry.ToJsonString();
    }

    private static async Task<(LocalHostProcess Host, FakeSmtpServer Smtp, FakeGoogleChat Chat)> StartAsync(int stores, Dictionary<string, string>? more = null)
    {
        var smtp = await FakeSmtpServer.StartAsync();
        var chat = await FakeGoogleChat.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Alerts__Routes__regional_sul__Host"] = "127.0.0.1",
            ["Alerts__Routes__regional_sul__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Alerts__Routes__regional_sul__Security"] = "None",
            ["Alerts__Routes__regional_sul__From"] = "Backups <backup@empresa.com.br>",
            ["Alerts__Routes__regional_sul__To"] = "gerente.sul@empresa.com.br",
            ["Alerts__Routes__ops_chat__WebhookUrl"] = chat.WebhookUrl.ToString(),
            ["SheetSchedule"] = "0 0 0 1 1 *",
            ["LocalOutboxFolder"] = Path.Combine(Path.GetTempPath(), "bkp-outbox-" + Guid.NewGuid().ToString("N")[..8]),
        };
        foreach (var (name, value) in more ?? [])
        {
            settings[name] = value;
        }

        var host = await LocalHostProcess.StartAsync(storage: null, settings);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.PostAsync("api/branches/import", new StringContent(Registry(stores)))).StatusCode);
        return (host, smtp, chat);
    }

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe, TimeSpan within, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Waited {within.TotalSeconds:0} s for {what}.");
    }

    [Fact]
    public async Task A_storm_of_300_failing_branches_is_one_message_per_route()
    {
        const int Stores = 300;
        var (host, smtp, chat) = await StartAsync(Stores);
        await using var _ = host;
        await using var __ = smtp;
        await using var ___ = chat;

        var probes = new EnrolledProbe[Stores];
        await Parallel.ForEachAsync(Enumerable.Range(0, Stores), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) => probes[i] = await EnrolledProbe.EnrollAsync(host, $"L{i + 1:D3}"));
        var started = DateTime.UtcNow;
        await Parallel.ForEachAsync(probes, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (probe, _) =>
        {
            using var response = await probe.PostAsync(Manifest(DateTime.UtcNow, Set() with { Id = "sql-vendas" }) with { BranchId = probe.Probe.BranchId });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        });
        output.WriteLine($"300 failing manifests posted in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");

        var mail = await EventuallyAsync(() => smtp.Messages.FirstOrDefault(), TimeSpan.FromSeconds(90), "the storm's e-mail");
        var card = await EventuallyAsync(() => chat.Posts.FirstOrDefault(), TimeSpan.FromSeconds(90), "the storm's Chat card");
        output.WriteLine($"From the first manifest to the digest: {(DateTime.UtcNow - started).TotalSeconds:0.0} s");

        // Anything still coming would come within a storm's settle time and a dispatch or two.
        await Task.Delay(TimeSpan.FromSeconds(20));
        Assert.Single(smtp.Messages);
        Assert.Single(chat.Posts);
        var subject = (await MimeMessage.LoadAsync(mail.EmlPath)).Subject;
        output.WriteLine(subject);
        Assert.Equal("[BKP] 300 alertas — Regional Sul: 300 FALHOU", subject);
        Assert.Contains("300", card.Message.ToJsonString(), StringComparison.Ordinal);
        foreach (var probe in probes)
        {
            probe.Dispose();
        }
    }

    [Fact]
    public async Task A_silenced_branch_sends_nothing_and_what_is_still_wrong_is_announced_once_when_the_silence_ends()
    {
        var (host, smtp, chat) = await StartAsync(2, new Dictionary<string, string> { ["SweepSchedule"] = "*/2 * * * * *" });
        await using var _ = host;
        await using var __ = smtp;
        await using var ___ = chat;
        using var silenced = await EnrolledProbe.EnrollAsync(host, "L001");
        using var other = await EnrolledProbe.EnrollAsync(host, "L002");

        var until = DateTimeOffset.UtcNow.AddSeconds(25).ToOffset(TimeSpan.FromHours(-3));
        using (var response = await host.Client.PostAsync("api/branches/L001/silence", new StringContent($$"""{ "until": "{{until:yyyy-MM-ddTHH:mm:sszzz}}", "reason": "troca do servidor" }""")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var bad = await host.Client.PostAsync("api/branches/L001/silence", new StringContent("""{ "until": "amanhã", "reason": "x" }""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("until", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Accepted, (await silenced.PostAsync(Manifest(DateTime.UtcNow, Set() with { Id = "sql-vendas" }) with { BranchId = "L001" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await other.PostAsync(Manifest(DateTime.UtcNow, Set() with { Id = "sql-vendas" }) with { BranchId = "L002" })).StatusCode);

        // L002's failure goes; L001's does not, while its silence lasts.
        var first = await EventuallyAsync(() => smtp.Messages.FirstOrDefault(), TimeSpan.FromSeconds(15), "L002's e-mail");
        Assert.Contains("L002", (await MimeMessage.LoadAsync(first.EmlPath)).Subject, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(smtp.Messages);
        Assert.DoesNotContain(chat.Posts, p => p.Message.ToJsonString().Contains("L001", StringComparison.Ordinal));

        // When it ends, the sweep records it and L001, still failing, is announced once on both routes.
        var announced = await EventuallyAsync(() => smtp.Messages.Count >= 2 ? smtp.Messages[1] : null, TimeSpan.FromSeconds(60), "L001's announcement");
        var subject = (await MimeMessage.LoadAsync(announced.EmlPath)).Subject;
        output.WriteLine(subject);
        Assert.Contains("L001", subject, StringComparison.Ordinal);
        Assert.Contains("Fim do silêncio", subject, StringComparison.Ordinal);
        await EventuallyAsync(() => chat.Posts.FirstOrDefault(p => p.Message.ToJsonString().Contains("L001", StringComparison.Ordinal)), TimeSpan.FromSeconds(15), "L001's Chat card");
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Single(chat.Posts, p => p.Message.ToJsonString().Contains("L001", StringComparison.Ordinal));

        // And the silence is gone: a DELETE now says there is none.
        using var ended = await host.Client.DeleteAsync("api/branches/L001/silence");
        Assert.Equal(HttpStatusCode.Conflict, ended.StatusCode);
    }
}
