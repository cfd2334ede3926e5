namespace MonitoramentoBKP.Collector.Domain;

public static class SetStatusOrder
{
    public static int Rank(this SetStatus status) => status switch
    {
        SetStatus.Unknown => 0,
        SetStatus.Ok => 1,
        SetStatus.Warning => 2,
        SetStatus.Silent => 3,
        SetStatus.Missed => 4,
        _ => 5,
    };

    public static SetStatus Worst(SetStatus a, SetStatus b) => a.Rank() >= b.Rank() ? a : b;
}
