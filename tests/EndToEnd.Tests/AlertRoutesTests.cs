using System.Net;
using MimeKit;
using MonitoramentoBKP.Collector.Tests.Support;
using MonitoramentoBKP.Contracts;
using MonitoramentoBKP.EndToEnd.Tests.Support;
using MonitoramentoBKP.FakeChannels.GoogleChat;
using MonitoramentoBKP.FakeChannels.Smtp;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;

namespace MonitoramentoBKP.EndToEnd.Tests;

/// <summary>From a probe's manifest to people's channels, through the local host as a process: the sample registry's routes, a real SMTP server and the Chat fake.</summary>
public sealed class AlertRoutesTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static string Registry => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "registry", "branches.json"));

    private static FileReport[] Week(DateTime newest) =>
        [.. Enumerable.Range(0, 7).Select(d => File($"Vendas_{newest.AddDays(-d):MMdd}.bak", 300_000_000, newest.AddDays(-d)))];

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

            await Task.Delay(100);
        }

        throw new TimeoutException($"Waited {within.TotalSeconds:0} s for {what}.");
    }

    [Fact]
    public async Task A_failure_reaches_the_regions_mail_and_the_ops_chat_within_seconds_and_its_recovery_threads_under_it()
    {
        await using var smtp = await FakeSmtpServer.StartAsync();
        await using var chat = await FakeGoogleChat.StartAsync();
        var outbox = Path.Combine(Path.GetTempPath(), "bkp-outbox-" + Guid.NewGuid().ToString("N")[..8]);
        await using var host = await LocalHostProcess.StartAsync(storage: null, new Dictionary<string, string>
        {
            ["Alerts__Routes__regional_sul__Host"] = "127.0.0.1",
            ["Alerts__Routes__regional_sul__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Alerts__Routes__regional_sul__Security"] = "None",
            ["Alerts__Routes__regional_sul__From"] = "Backups <backup@empresa.com.br>",
            ["Alerts__Routes__regional_sul__To"] = "gerente.sul@empresa.com.br",
            ["Alerts__Routes__ops_chat__WebhookUrl"] = chat.WebhookUrl.ToString(),
            ["LocalOutboxFolder"] = outbox,
            ["SheetSchedule"] = "0 0 0 1 1 *",
        });
        Assert.Equal(HttpStatusCode.OK, (await host.Client.PostAsync("api/branches/import", new StringContent(Registry))).StatusCode);
        using var probe = await EnrolledProbe.EnrollAsync(host, "F011");
        var now = DateTime.UtcNow;
        var lastNight = Local(now.Year, now.Month, now.Day, 0).AddHours(-2);
        var estoque = Set(File("Estoque.zip", 50_000_000, lastNight)) with { Id = "sql-estoque" };

        var sent = DateTime.UtcNow;
        Assert.Equal(HttpStatusCode.Accepted, (await probe.PostAsync(Manifest(now, Set() with { Id = "sql-vendas" }, estoque) with { BranchId = "F011" })).StatusCode);
        var mail = await EventuallyAsync(() => smtp.Messages.Count >= 1 ? smtp.Messages[0] : null, TimeSpan.FromSeconds(5), "the failure's e-mail");
        var post = await EventuallyAsync(() => chat.Posts.FirstOrDefault(p => p.ThreadKey != null && p.ThreadKey.StartsWith("F011/sql-vendas/", StringComparison.Ordinal)), TimeSpan.FromSeconds(5), "the failure's Chat card");
        output.WriteLine($"From the manifest to the e-mail and the Chat card: {(DateTime.UtcNow - sent).TotalSeconds:0.0} s");

        var opened = await MimeMessage.LoadAsync(mail.EmlPath);
        Assert.Contains("FALHOU", opened.Subject, StringComparison.Ordinal);
        Assert.Contains("F011", opened.Subject, StringComparison.Ordinal);
        Assert.Equal(["gerente.sul@empresa.com.br"], mail.RcptTos);

        var vendas = Set(Week(lastNight)) with { Id = "sql-vendas" };
        Assert.Equal(HttpStatusCode.Accepted, (await probe.PostAsync(Manifest(DateTime.UtcNow, vendas, estoque) with { BranchId = "F011" })).StatusCode);
        // Found by what it says, not by its place: the route's daily summary (it is past 08:00 in São Paulo for much of
        // the day) or an uncertain send resent with the same Message-ID can come in between.
        var recoveryMail = await EventuallyAsync(() => smtp.Messages.FirstOrDefault(m => System.IO.File.ReadAllText(m.EmlPath).Contains("In-Reply-To:", StringComparison.OrdinalIgnoreCase)), TimeSpan.FromSeconds(10), "the recovery's e-mail");
        var recoveryPost = await EventuallyAsync(() => chat.Posts.Where(p => p.ThreadKey != null && p.ThreadKey.StartsWith("F011/sql-vendas/", StringComparison.Ordinal)).Skip(1).FirstOrDefault(), TimeSpan.FromSeconds(10), "the recovery's Chat card");

        var resolved = await MimeMessage.LoadAsync(recoveryMail.EmlPath);
        output.WriteLine($"E-mails received: {smtp.Messages.Count}");
        foreach (var m in smtp.Messages)
        {
            var loaded = await MimeMessage.LoadAsync(m.EmlPath);
            output.WriteLine($"  {loaded.MessageId} {loaded.Subject}");
        }
        Assert.Contains("Resolvido", resolved.Subject, StringComparison.Ordinal);
        Assert.Equal(opened.MessageId, resolved.InReplyTo);
        Assert.Equal(post.ThreadKey, recoveryPost.ThreadKey);
        Assert.Equal(post.Thread, recoveryPost.Thread);

        // Routes without settings write what they would send to the local outbox folder (integracoes: every event as JSON).
        var files = await EventuallyAsync(() => Directory.Exists(Path.Combine(outbox, "integracoes")) && Directory.GetFiles(Path.Combine(outbox, "integracoes"), "*.json").Length >= 2 ? Directory.GetFiles(Path.Combine(outbox, "integracoes"), "*.json") : null, TimeSpan.FromSeconds(10), "the webhook route's files");
        Assert.All(files, f => Assert.Contains("monitoramentobkp.alert/v1", System.IO.File.ReadAllText(f), StringComparison.Ordinal));

        var status = await host.Client.GetStringAsync("api/status");
        Assert.Contains("\"routeId\":\"regional-sul\"", status, StringComparison.Ordinal);
        Directory.Delete(outbox, recursive: true);
    }
}
