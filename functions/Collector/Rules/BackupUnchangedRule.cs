using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;

namespace MonitoramentoBKP.Collector.Rules;

/// <summary>A "new" backup whose content is byte for byte the previous one: the file was renewed, the data was not.</summary>
public sealed class BackupUnchangedRule : IRule
{
    public string Id => "backup-unchanged";

    public IEnumerable<Finding> Evaluate(RuleContext c)
    {
        if (c.Newest is not { } newest)
        {
            yield break;
        }

        // The previous backup: the history's newest that is not this very file as it was already seen.
        var previous = c.History.RecentBackups.FirstOrDefault(b => !b.IsSame(newest));
        if (previous is null || previous.Sha256 != newest.Sha256 || previous.LastWriteUtc > newest.LastWriteUtc)
        {
            yield break;
        }

        yield return new Finding(Id, SetStatus.Failed, new Text(
            $"O backup novo {Bounded.Path(newest.Path)} é idêntico ao anterior ({Bounded.Path(previous.Path)}): o arquivo foi renovado, mas os dados não. Verifique a tarefa de backup.",
            $"The new backup {Bounded.Path(newest.Path)} is identical to the previous one ({Bounded.Path(previous.Path)}): the file was renewed but the data was not. Check the backup job."));
    }
}
