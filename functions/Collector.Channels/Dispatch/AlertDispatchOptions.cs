using MonitoramentoBKP.Collector.Alerts;

namespace MonitoramentoBKP.Collector.Channels.Dispatch;

/// <summary>How the alert channels are fed: storm size, retry pace, what is kept, and the sheet messages link to.</summary>
public sealed record AlertDispatchOptions
{
    /// <summary>More alerts than this due for one route in one dispatch are sent as one storm digest.</summary>
    public int StormThreshold { get; init; } = 10;

    /// <summary>
    /// A storm waits this long for its last alerts before its digest goes, and again while more keep coming (up to
    /// <see cref="StormMaxWait"/>), so a wave that arrives over a minute is one message, not one per dispatch.
    /// </summary>
    public TimeSpan StormSettle { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan StormMaxWait { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long after a status change the alert dispatch runs (changes arriving together are one dispatch); shorter than the sheet's, which has Google's quota to mind.</summary>
    public TimeSpan SignalDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A route whose service refused for good is tried again this often (and at once when its settings change or the process restarts).</summary>
    public TimeSpan PermanentRetryEvery { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The first wait after a transient failure; doubled after each one in a row, up to <see cref="RetryMax"/>.</summary>
    public TimeSpan RetryBase { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryMax { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>A Retry-After up to this long is waited out within the dispatch; a longer one holds the route until then.</summary>
    public TimeSpan MaxInlineWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long sent and covered entries are kept (a re-planned batch is recognised by event id within it).</summary>
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(2);

    /// <summary>How often every change row is read for ones no mark points at (see <see cref="Ports.IOutbox.ScanUndeliveredAsync"/>).</summary>
    public TimeSpan OutboxScanEvery { get; init; } = TimeSpan.FromMinutes(10);

    public AlertHygiene Hygiene { get; init; } = new();
    public int Parallelism { get; init; } = 8;
    public int MaxRounds { get; init; } = 10;

    /// <summary>The managers' sheet, linked from every message; null where there is none.</summary>
    public Uri? SheetUrl { get; init; }
}
