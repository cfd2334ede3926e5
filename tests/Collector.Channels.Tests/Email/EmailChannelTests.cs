using MimeKit;
using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Channels.Email;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Channels.Sending;
using MonitoramentoBKP.Collector.Channels.Tests.Support;
using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Sheets;
using MonitoramentoBKP.FakeChannels.Smtp;

namespace MonitoramentoBKP.Collector.Channels.Tests.Email;

/// <summary>MailKit against a real SMTP server (aiosmtpd) that writes what it accepts to files.</summary>
public sealed class EmailChannelTests
{
    private static EmailSettings Settings(FakeSmtpServer smtp, EmailSecurity security = EmailSecurity.None, string? user = null, string? password = null) => new()
    {
        Host = "127.0.0.1",
        Port = smtp.Port,
        Security = security,
        User = user,
        Password = password,
        From = "Backups <backup@empresa.com.br>",
        To = ["ops@empresa.com.br", "Regional Sul <sul@empresa.com.br>"],
        Timeout = TimeSpan.FromSeconds(3),
        ServerCertificateSha256 = smtp.CertificateSha256,
    };

    private static MimeMessage Load(ReceivedMail mail) => MimeMessage.Load(mail.EmlPath);

    [Fact]
    public async Task An_alert_arrives_with_its_subject_both_parts_and_a_message_id_from_its_event_id()
    {
        await using var smtp = await FakeSmtpServer.StartAsync();

        var outcome = await new EmailChannel(Settings(smtp)).SendAsync(Samples.Alert(), default);

        Assert.IsType<SendOutcome.Delivered>(outcome);
        var received = Assert.Single(smtp.Messages);
        Assert.Equal("backup@empresa.com.br", received.MailFrom);
        Assert.Equal(["ops@empresa.com.br", "sul@empresa.com.br"], received.RcptTos);
        var mail = Load(received);
        Assert.Equal("[BKP] FALHOU: Loja Moema (F004) sql-vendas", mail.Subject);
        Assert.Equal("bkp-F004/sql-vendas/20261130-140500=2E1@empresa.com.br", mail.MessageId);
        Assert.Null(mail.InReplyTo);
        Assert.Equal("F004/sql-vendas/20261130-140500.1", mail.Headers["X-Bkp-Event-Id"]);
        var alternative = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Contains("Desde: 30/11/2026 11:05", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<th style=\"text-align:left;padding:2px 12px 2px 0\">Desde</th><td>30/11/2026 11:05</td>", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_recovery_replies_to_the_incidents_first_message_so_clients_thread_it()
    {
        await using var smtp = await FakeSmtpServer.StartAsync();
        var channel = new EmailChannel(Settings(smtp));

        await channel.SendAsync(Samples.Alert(), default);
        await channel.SendAsync(Samples.Alert(what: AlertEvent.Resolved, status: SetStatus.Ok, previous: SetStatus.Failed, n: 3, duration: TimeSpan.FromHours(4)), default);

        var (alert, recovery) = (Load(smtp.Messages[0]), Load(smtp.Messages[1]));
        Assert.Equal(alert.MessageId, recovery.InReplyTo);
        Assert.Equal([alert.MessageId!], recovery.References);
        Assert.Equal("[BKP] OK: Loja Moema (F004) sql-vendas — Resolvido", recovery.Subject);
        Assert.Contains("Duração: 4 horas", recovery.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plain_text_is_exact()
    {
        var alert = Samples.Alert(SheetLanguage.English);

        Assert.Equal(
            """
            FAILED: Loja Moema (F004) sql-vendas
            Opened

            Event: Opened
            Status: FAILED
            Previous: OK
            Since: 2026-11-30 11:05
            Time zone: America/Sao_Paulo

            Reason
            - The newest backup is 1.2 MB, under the 50 MB minimum.

            What to do: Check the backup job on the store's server.

            Open the sheet: https://docs.google.com/spreadsheets/d/abc123/edit
            Alert: F004/sql-vendas/20261130-140500.1

            """,
            EmailFormatter.Text(MessageDocuments.Of(alert), alert));
    }

    [Fact]
    public void The_html_escapes_what_people_wrote()
    {
        var alert = Samples.Alert(name: "Loja <script>alert(1)</script> & \"Cia\"");

        var html = EmailFormatter.Html(MessageDocuments.Of(alert), alert);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("Loja &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Cia&quot; (F004)", html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"pt-BR\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_and_a_summary_have_their_own_subjects_and_list_everything()
    {
        await using var smtp = await FakeSmtpServer.StartAsync();
        var channel = new EmailChannel(Settings(smtp));

        await channel.SendAsync(Samples.Storm(SheetLanguage.English, 300), default);
        await channel.SendAsync(Samples.Summary(), default);

        var (storm, summary) = (Load(smtp.Messages[0]), Load(smtp.Messages[1]));
        Assert.Equal("[BKP] 300 alerts — Regional Sul: 75 FAILED · 75 MISSED · 75 SILENT · 75 WARNING", storm.Subject);
        Assert.Equal(300, storm.TextBody!.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
        Assert.Equal("[BKP] Resumo diário 01/12/2026 — Regional Sul: 1 FALHOU · 1 ATRASADO · 0 SEM CONTATO · 1 ATENÇÃO · 280 OK", summary.Subject);
        Assert.Contains("Recuperados nas últimas 24 h (1)", summary.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starttls_with_a_login_is_encrypted_and_logged_in()
    {
        await using var smtp = await FakeSmtpServer.StartAsync("alertas", "s3nha-forte", SmtpTls.StartTls);

        var outcome = await new EmailChannel(Settings(smtp, EmailSecurity.StartTls, "alertas", "s3nha-forte")).SendAsync(Samples.Alert(), default);

        Assert.IsType<SendOutcome.Delivered>(outcome);
        var received = Assert.Single(smtp.Messages);
        Assert.True(received.Tls);
        Assert.Equal("alertas", received.Login);
    }

    [Fact]
    public async Task Implicit_tls_is_encrypted_from_the_first_byte()
    {
        await using var smtp = await FakeSmtpServer.StartAsync(tls: SmtpTls.Implicit);

        var outcome = await new EmailChannel(Settings(smtp, EmailSecurity.Tls)).SendAsync(Samples.Alert(), default);

        Assert.IsType<SendOutcome.Delivered>(outcome);
        Assert.True(Assert.Single(smtp.Messages).Tls);
    }

    [Fact]
    public async Task A_self_signed_certificate_not_pinned_is_a_permanent_tls_failure()
    {
        await using var smtp = await FakeSmtpServer.StartAsync(tls: SmtpTls.StartTls);

        var outcome = await new EmailChannel(Settings(smtp, EmailSecurity.StartTls) with { ServerCertificateSha256 = null }).SendAsync(Samples.Alert(), default);

        Assert.Contains("TLS handshake failed", Assert.IsType<SendOutcome.Permanent>(outcome).Detail, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task A_wrong_password_is_permanent_and_says_which_login()
    {
        await using var smtp = await FakeSmtpServer.StartAsync("alertas", "s3nha-forte", SmtpTls.StartTls);

        var outcome = await new EmailChannel(Settings(smtp, EmailSecurity.StartTls, "alertas", "errada")).SendAsync(Samples.Alert(), default);

        var refused = Assert.IsType<SendOutcome.Permanent>(outcome);
        Assert.Contains("refused the login of alertas", refused.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("errada", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recipient_refused_with_550_is_permanent_and_with_451_transient_and_certainly_not_sent()
    {
        await using var smtp = await FakeSmtpServer.StartAsync();
        var channel = new EmailChannel(Settings(smtp));

        smtp.ReplyToNextRecipient("550 5.1.1 <ops@empresa.com.br>: Recipient address rejected");
        var refused = Assert.IsType<SendOutcome.Permanent>(await channel.SendAsync(Samples.Alert(), default));
        smtp.ReplyToNextData("451 4.3.0 Mail server temporarily rejected message");
        var later = Assert.IsType<SendOutcome.Transient>(await channel.SendAsync(Samples.Alert(), default));

        Assert.Equal(550, refused.Status);
        Assert.Contains("Recipient address rejected", refused.Detail, StringComparison.Ordinal);
        Assert.Contains("check the route's To addresses", refused.Detail, StringComparison.Ordinal);
        Assert.Equal((451, false), (later.Status, later.Uncertain));
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task A_server_that_stops_answering_after_the_data_is_transient_and_uncertain()
    {
        await using var smtp = await FakeSmtpServer.StartAsync();
        smtp.HangOnNextData();

        var outcome = await new EmailChannel(Settings(smtp)).SendAsync(Samples.Alert(), default);

        Assert.True(Assert.IsType<SendOutcome.Transient>(outcome).Uncertain);
    }

    [Fact]
    public async Task A_server_not_listening_is_transient_and_certainly_not_sent()
    {
        var port = Http.Nowhere().Port;

        var outcome = await new EmailChannel(new EmailSettings { Host = "127.0.0.1", Port = port, Security = EmailSecurity.None, From = "backup@empresa.com.br", To = ["ops@empresa.com.br"] }).SendAsync(Samples.Alert(), default);

        Assert.False(Assert.IsType<SendOutcome.Transient>(outcome).Uncertain);
    }

    [Fact]
    public void Settings_say_what_is_wrong_by_name()
    {
        EmailSettings Good() => new() { Host = "smtp.empresa.com.br", From = "backup@empresa.com.br", To = ["ops@empresa.com.br"] };

        Assert.Contains("Password", Assert.Throws<ArgumentException>(() => new EmailChannel(Good() with { User = "alertas" })).Message, StringComparison.Ordinal);
        Assert.Contains("To[1]", Assert.Throws<ArgumentException>(() => new EmailChannel(Good() with { To = ["ops@empresa.com.br", "not an address"] })).Message, StringComparison.Ordinal);
        Assert.Contains("From", Assert.Throws<ArgumentException>(() => new EmailChannel(Good() with { From = "" })).Message, StringComparison.Ordinal);
        Assert.Contains("Port", Assert.Throws<ArgumentException>(() => new EmailChannel(Good() with { Port = 0 })).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("F004/sql..x/20261130-140500.12", "bkp-F004/sql=2E=2Ex/20261130-140500=2E12@d.example")]
    [InlineData("storm/regional sul/1", "bkp-storm/regional=20sul/1@d.example")]
    public void A_message_id_is_always_a_valid_dot_atom(string eventId, string expected)
    {
        Assert.Equal(expected, EmailFormatter.MessageId(eventId, "d.example"));
    }
}
