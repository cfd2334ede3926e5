namespace MonitoramentoBKP.Collector.Channels.Sending;

/// <summary>At most <see cref="Messages"/> messages in any <see cref="Per"/>, to one destination (a Chat space, a Telegram chat).</summary>
public sealed record RateLimit
{
    public RateLimit(int messages, TimeSpan per, string scope)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(messages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(per, TimeSpan.Zero);
        Messages = messages;
        Per = per;
        Scope = scope;
    }

    public int Messages { get; }
    public TimeSpan Per { get; }

    /// <summary>What the limit applies to, in words ("per space").</summary>
    public string Scope { get; }

    public override string ToString() => $"{Messages} per {Per.TotalSeconds:0.###} s {Scope}";
}
