using MimeKit;

namespace MonitoramentoBKP.Collector.Channels.Email;

/// <summary>
/// The SMTP server alerts are sent through and to whom: host, port, security, an optional login (the password
/// from settings; in Azure a Key Vault reference), the sender and the recipients.
/// </summary>
public sealed record EmailSettings
{
    public required string Host { get; init; }
    public int Port { get; init; } = 587;
    public EmailSecurity Security { get; init; } = EmailSecurity.StartTls;
    public string? User { get; init; }
    public string? Password { get; init; }

    /// <summary>"Backups &lt;backup@empresa.com.br&gt;" or a bare address.</summary>
    public required string From { get; init; }

    public required IReadOnlyList<string> To { get; init; }

    /// <summary>Longest wait for the server at each step.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The SHA-256 fingerprint (hex) of the server's certificate, for a relay with a self-signed one: that
    /// certificate is trusted as it is. Null: the certificate must be valid for <see cref="Host"/>.
    /// </summary>
    public string? ServerCertificateSha256 { get; init; }

    /// <exception cref="ArgumentException">What is missing or malformed, by setting name.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("E-mail Host is empty: name the SMTP server.", nameof(Host));
        }

        if (Port is < 1 or > 65535)
        {
            throw new ArgumentException($"E-mail Port {Port} is not a TCP port (1-65535).", nameof(Port));
        }

        if (string.IsNullOrEmpty(User) != string.IsNullOrEmpty(Password))
        {
            throw new ArgumentException("E-mail User and Password go together: set both to log in, or neither.", nameof(Password));
        }

        if (!MailboxAddress.TryParse(From, out _))
        {
            throw new ArgumentException($"E-mail From \"{From}\" is not an address.", nameof(From));
        }

        if (To is null || To.Count == 0)
        {
            throw new ArgumentException("E-mail To is empty: name at least one recipient.", nameof(To));
        }

        foreach (var (to, i) in To.Select((t, i) => (t, i)))
        {
            if (!MailboxAddress.TryParse(to, out _))
            {
                throw new ArgumentException($"E-mail To[{i}] \"{to}\" is not an address.", nameof(To));
            }
        }
    }
}
