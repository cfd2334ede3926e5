namespace MonitoramentoBKP.Collector.Channels.Messages;

/// <summary>How many of a route's sets stand in each status when the daily summary is made.</summary>
public sealed record SummaryCounts(int Ok, int Warning, int Failed, int Missed, int Silent)
{
    public int Total => Ok + Warning + Failed + Missed + Silent;
}
