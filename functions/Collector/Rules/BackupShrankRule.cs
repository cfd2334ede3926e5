using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;

namespace MonitoramentoBKP.Collector.Rules;

/// <summary>The newest backup is much smaller than the set's own recent good backups (rolling median).</summary>
public sealed class BackupShrankRule : IRule
{
    /// <summary>How many recent good backups make the median.</summary>
    public const int Window = 10;

    /// <summary>Fewer than this and there is no "usual" size yet.</summary>
    public const int MinimumHistory = 3;

    public string Id => "backup-shrank";

    public IEnumerable<Finding> Evaluate(RuleContext c)
    {
        if (c.Newest is not { } newest)
        {
            yield break;
        }

        var sizes = c.History.RecentBackups
            .Where(b => !b.IsSame(newest))
            .Take(Window)
            .Select(b => b.Size)
            .Order()
            .ToArray();
        if (sizes.Length < MinimumHistory)
        {
            yield break;
        }

        var median = sizes.Length % 2 == 1 ? sizes[sizes.Length / 2] : (sizes[(sizes.Length / 2) - 1] + sizes[sizes.Length / 2]) / 2;
        var floor = median * (100 - c.Policy.MaxShrinkPercent) / 100;
        if (newest.Size >= floor)
        {
            yield break;
        }

        var percent = 100 - (int)(newest.Size * 100 / Math.Max(1, median));
        var size = Say.Size(newest.Size);
        var usual = Say.Size(median);
        yield return new Finding(Id, SetStatus.Warning, new Text(
            $"O backup mais recente ({Bounded.Path(newest.Path)}) tem {size.Pt}, {percent}% menor que o normal ({usual.Pt}). Confira se o banco inteiro foi copiado.",
            $"The newest backup ({Bounded.Path(newest.Path)}) is {size.En}, {percent}% smaller than usual ({usual.En}). Check that the whole database was backed up."));
    }
}
