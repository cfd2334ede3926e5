namespace MonitoramentoBKP.Collector.Channels.Dispatch;

/// <summary>What one dispatch of the alert channels did, for the log; <see cref="NextDueUtc"/> is when something waits to be tried again.</summary>
public sealed record AlertDispatchResult
{
    public static readonly AlertDispatchResult Busy = new() { WasBusy = true };

    /// <summary>Another dispatcher held the ledger; it does the work.</summary>
    public bool WasBusy { get; init; }

    public int Queued { get; init; }
    public int Sent { get; init; }
    public int Digests { get; init; }
    public int Summaries { get; init; }
    public int Failures { get; init; }
    public DateTime? NextDueUtc { get; init; }
}
