using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Rules;

/// <summary>An archive failed its self-test: the newest one fails the set, an older one is a warning.</summary>
public sealed class ArchiveCorruptRule : IRule
{
    public string Id => "archive-corrupt";

    public IEnumerable<Finding> Evaluate(RuleContext c)
    {
        if (!c.Policy.ArchivesMustPass)
        {
            yield break;
        }

        foreach (var file in c.Backups.Where(f => f.Archive.Verdict == ArchiveVerdict.Corrupt))
        {
            var newest = ReferenceEquals(file, c.Newest);
            yield return new Finding(Id, newest ? SetStatus.Failed : SetStatus.Warning, newest
                ? new Text(
                    $"O backup mais recente ({file.Path}) está corrompido e não pode ser restaurado ({file.Archive.Reason}). Refaça o backup.",
                    $"The newest backup ({file.Path}) is corrupt and cannot be restored ({file.Archive.Reason}). Run the backup again.")
                : new Text(
                    $"Um backup antigo ({file.Path}) está corrompido ({file.Archive.Reason}); os mais novos estão bons.",
                    $"An older backup ({file.Path}) is corrupt ({file.Archive.Reason}); the newer ones are fine."));
        }
    }
}
