using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;

namespace MonitoramentoBKP.Collector.Rules;

/// <summary>The backup disk is running out of space: the next backup may not fit.</summary>
public sealed class LowFreeSpaceRule : IRule
{
    public string Id => "low-free-space";

    public IEnumerable<Finding> Evaluate(RuleContext c)
    {
        if (c.Set?.VolumeFreeBytes is { } free && free < c.Policy.MinFreeBytes)
        {
            var left = Say.Size(free);
            var min = Say.Size(c.Policy.MinFreeBytes);
            yield return new Finding(Id, SetStatus.Warning, new Text(
                $"O disco dos backups ({Bounded.Path(c.Set.RootPath)}) tem só {left.Pt} livres (mínimo {min.Pt}): o próximo backup pode não caber. Libere espaço.",
                $"The backup disk ({Bounded.Path(c.Set.RootPath)}) has only {left.En} free (minimum {min.En}): the next backup may not fit. Free some space."));
        }
    }
}
