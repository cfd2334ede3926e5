namespace MonitoramentoBKP.Collector.Silencing;

/// <summary>A silence began or ended on a set: written to the Alertas log; the end of one also announces what is still wrong.</summary>
/// <param name="UntilLocal">Its end as the set's local time reads it ("05/12 18:00").</param>
public sealed record SilenceNote(bool Ended, DateTime UntilUtc, string UntilLocal, string Reason, string Source);
