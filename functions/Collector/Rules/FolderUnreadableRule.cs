using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;

namespace MonitoramentoBKP.Collector.Rules;

/// <summary>The folder exists but the probe could not read it (permissions, a failing disk).</summary>
public sealed class FolderUnreadableRule : IRule
{
    public string Id => "folder-unreadable";

    public IEnumerable<Finding> Evaluate(RuleContext c)
    {
        if (c.Set is { Exists: true, Readable: false } set)
        {
            var why = Bounded.Sentence(set.Error?.Detail ?? set.Error?.Code.ToString() ?? "?", 200);
            yield return new Finding(Id, SetStatus.Failed, new Text(
                $"A pasta de backup {Bounded.Path(set.RootPath)} existe mas não pôde ser lida ({why}). Verifique as permissões da conta da sonda e o disco.",
                $"The backup folder {Bounded.Path(set.RootPath)} exists but could not be read ({why}). Check the probe account's permissions and the disk."));
        }
    }
}
