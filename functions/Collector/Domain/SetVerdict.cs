namespace MonitoramentoBKP.Collector.Domain;

/// <summary>A set's judged status: the worst of its findings, OK when there is none.</summary>
public sealed record SetVerdict(SetStatus Status, IReadOnlyList<Finding> Findings)
{
    public static SetVerdict Of(IReadOnlyList<Finding> findings) =>
        new(findings.Aggregate(SetStatus.Ok, (worst, f) => SetStatusOrder.Worst(worst, f.Status)), findings);
}
