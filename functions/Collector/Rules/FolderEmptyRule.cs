using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;

namespace MonitoramentoBKP.Collector.Rules;

/// <summary>The folder holds no backup file at all: the one check the original system made.</summary>
public sealed class FolderEmptyRule : IRule
{
    public string Id => "folder-empty";

    public IEnumerable<Finding> Evaluate(RuleContext c)
    {
        if (c.Set is { Exists: true, Readable: true, FileCount: 0 } set)
        {
            yield return new Finding(Id, SetStatus.Failed, new Text(
                $"A pasta de backup {Bounded.Path(set.RootPath)} está vazia: não há nenhum backup para restaurar. Verifique a tarefa de backup.",
                $"The backup folder {Bounded.Path(set.RootPath)} is empty: there is no backup to restore. Check the backup job."));
        }
    }
}
