using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Rules;

/// <summary>
/// Archives that failed their self-test: the newest one fails the set; older ones are one warning that counts
/// them and names the first few.
/// </summary>
public sealed class ArchiveCorruptRule : IRule
{
    public string Id => "archive-corrupt";

    public IEnumerable<Finding> Evaluate(RuleContext c)
    {
        if (!c.Policy.ArchivesMustPass)
        {
            yield break;
        }

        var corrupt = c.Backups.Where(f => f.Archive.Verdict == ArchiveVerdict.Corrupt).ToList();
        if (corrupt.Count > 0 && ReferenceEquals(corrupt[0], c.Newest))
        {
            var file = corrupt[0];
            var path = Bounded.Path(file.Path);
            var reason = Bounded.Sentence(file.Archive.Reason ?? "", 200);
            yield return new Finding(Id, SetStatus.Failed, new Text(
                $"O backup mais recente ({path}) está corrompido e não pode ser restaurado ({reason}). Refaça o backup.",
                $"The newest backup ({path}) is corrupt and cannot be restored ({reason}). Run the backup again."));
            corrupt.RemoveAt(0);
        }

        if (corrupt.Count == 1)
        {
            var file = corrupt[0];
            var path = Bounded.Path(file.Path);
            var reason = Bounded.Sentence(file.Archive.Reason ?? "", 200);
            yield return new Finding(Id, SetStatus.Warning, new Text(
                $"Um backup antigo ({path}) está corrompido ({reason}); os mais novos estão bons.",
                $"An older backup ({path}) is corrupt ({reason}); the newer ones are fine."));
        }
        else if (corrupt.Count > 1)
        {
            var named = Bounded.FirstFew(corrupt.Select(f => f.Path), corrupt.Count);
            yield return new Finding(Id, SetStatus.Warning, new Text(
                $"{corrupt.Count} backups antigos estão corrompidos ({named}); o mais novo está bom.",
                $"{corrupt.Count} older backups are corrupt ({named}); the newest one is fine."));
        }
    }
}
