namespace MonitoramentoBKP.FakeChannels.Smtp;

/// <summary>One message the SMTP server accepted: the .eml file as received, the envelope, the login used and whether the session was encrypted.</summary>
public sealed record ReceivedMail(string EmlPath, string MailFrom, IReadOnlyList<string> RcptTos, string? Login, bool Tls);
