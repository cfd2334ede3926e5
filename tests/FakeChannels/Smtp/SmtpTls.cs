namespace MonitoramentoBKP.FakeChannels.Smtp;

/// <summary>How the fake SMTP server protects its sessions.</summary>
public enum SmtpTls
{
    None,

    /// <summary>STARTTLS offered and required before anything else.</summary>
    StartTls,

    /// <summary>TLS from the first byte.</summary>
    Implicit,
}
