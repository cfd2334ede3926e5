using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;

namespace MonitoramentoBKP.Collector.Rules;

/// <summary>The backup folder is not there (or the probe was not told to look at it).</summary>
public sealed class FolderMissingRule : IRule
{
    public string Id => "folder-missing";

    public IEnumerable<Finding> Evaluate(RuleContext c)
    {
        if (c.Set is null)
        {
            yield return new Finding(Id, SetStatus.Failed, new Text(
                $"A sonda não verificou o conjunto {c.Policy.Id} ({c.Policy.Root}). Confira o probe.json desta filial.",
                $"The probe did not check set {c.Policy.Id} ({c.Policy.Root}). Check this branch's probe.json."));
        }
        else if (!c.Set.Exists)
        {
            yield return new Finding(Id, SetStatus.Failed, new Text(
                $"A pasta de backup {Bounded.Path(c.Set.RootPath)} não existe no computador da filial. Verifique se o disco está conectado e se o caminho está certo.",
                $"The backup folder {Bounded.Path(c.Set.RootPath)} does not exist on the branch computer. Check that the disk is connected and the path is right."));
        }
    }
}
