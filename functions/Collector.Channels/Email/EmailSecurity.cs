namespace MonitoramentoBKP.Collector.Channels.Email;

/// <summary>How the SMTP connection is protected.</summary>
public enum EmailSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, required (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,

    /// <summary>No encryption: only for a relay on the same host or the tests' local server.</summary>
    None,
}
