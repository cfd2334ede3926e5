using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;

namespace MonitoramentoBKP.Collector.Rules;

/// <summary>The newest backup is below the absolute minimum size the policy sets: likely cut short.</summary>
public sealed class BackupTooSmallRule : IRule
{
    public string Id => "backup-too-small";

    public IEnumerable<Finding> Evaluate(RuleContext c)
    {
        if (c.Newest is { } newest && newest.Size < c.Policy.MinSizeBytes)
        {
            var size = Say.Size(newest.Size);
            var min = Say.Size(c.Policy.MinSizeBytes);
            yield return new Finding(Id, SetStatus.Failed, new Text(
                $"O backup mais recente ({Bounded.Path(newest.Path)}) tem {size.Pt}, abaixo do mínimo de {min.Pt}: pode estar incompleto.",
                $"The newest backup ({Bounded.Path(newest.Path)}) is {size.En}, below the minimum of {min.En}: it may be incomplete."));
        }
    }
}
