using System.Net.Sockets;
using System.Security.Cryptography;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MonitoramentoBKP.Collector.Channels.Messages;
using MonitoramentoBKP.Collector.Channels.Sending;

namespace MonitoramentoBKP.Collector.Channels.Email;

/// <summary>
/// Sends over SMTP with MailKit: connect (STARTTLS, TLS or plain), log in when a user is set, send, disconnect.
/// Guarantee: idempotent for the reader as far as mail allows: a resend after an uncertain outcome has the same
/// Message-ID, which Gmail and most clients show once, and the event id in its text and X-Bkp-Event-Id header
/// otherwise. A failure before the message was handed over is certain not delivered; one while sending is
/// uncertain. SMTP 4xx is transient, 5xx and a refused login permanent. No rate limit of its own.
/// </summary>
public sealed class EmailChannel : INotificationChannel
{
    private readonly EmailSettings settings;

    public EmailChannel(EmailSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        this.settings = settings;
    }

    public string Kind => "email";

    public IReadOnlyList<RateLimit> Limits => [];

    public bool Idempotent => true;

    public async Task<SendOutcome> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var mail = EmailFormatter.Format(message, settings);
        var server = $"SMTP server {settings.Host}:{settings.Port}";
        var handedOver = false;
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        if (settings.ServerCertificateSha256 is { } pinned)
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None
                || certificate is not null && Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())).Equals(pinned.Replace(":", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        }

        try
        {
            var security = settings.Security switch
            {
                EmailSecurity.Tls => SecureSocketOptions.SslOnConnect,
                EmailSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(settings.Host, settings.Port, security, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(settings.User))
            {
                await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken).ConfigureAwait(false);
            }

            handedOver = true;
            await client.SendAsync(mail, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException e)
        {
            var code = (int)e.StatusCode;
            var detail = $"{server} answered {code}: {e.Message.Trim()}{(e.Mailbox is { } box ? $" ({box.Address})" : "")}";
            return code >= 500
                ? new SendOutcome.Permanent(code, detail + (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted ? " (check the route's To addresses)" : e.ErrorCode == SmtpErrorCode.SenderNotAccepted ? " (check From: the server may not let this login send as it)" : ""))
                : new SendOutcome.Transient(Uncertain: false, detail, code);
        }
        catch (AuthenticationException e)
        {
            return new SendOutcome.Permanent(null, $"{server} refused the login of {settings.User}: {e.Message} (check the e-mail User and Password)");
        }
        catch (SslHandshakeException e)
        {
            return new SendOutcome.Permanent(null, $"{server}: the TLS handshake failed ({e.Message.Split('\n')[0].Trim()}); check Security and Port, or ServerCertificateSha256 for a self-signed certificate.");
        }
        catch (NotSupportedException e)
        {
            return new SendOutcome.Permanent(null, $"{server}: {e.Message} (check Security: the server may not offer STARTTLS)");
        }
        catch (SocketException e) when (!handedOver)
        {
            return new SendOutcome.Transient(Uncertain: false, $"{server} could not be reached ({e.Message}); nothing was sent.");
        }
        catch (Exception e) when (e is IOException or TimeoutException or SocketException or SmtpProtocolException or ServiceNotConnectedException
            || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome.Transient(
                Uncertain: handedOver,
                handedOver ? $"{server} stopped answering while the message was sent ({e.Message}); it may have arrived." : $"{server} stopped answering before the message was sent ({e.Message}).");
        }

        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or TimeoutException)
        {
            // The server has the message; a lost goodbye does not undo that.
        }

        return new SendOutcome.Delivered();
    }
}
