using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;

namespace MonitoramentoBKP.Collector.Rules;

/// <summary>Fewer backup files kept than the policy expects: fewer points to restore from.</summary>
public sealed class TooFewGenerationsRule : IRule
{
    public string Id => "too-few-generations";

    public IEnumerable<Finding> Evaluate(RuleContext c)
    {
        var kept = c.Backups.Count;
        if (kept > 0 && kept < c.Policy.Generations)
        {
            yield return new Finding(Id, SetStatus.Warning, new Text(
                $"Há {kept} backup(s) guardado(s) em {c.Policy.Root}; o esperado são {c.Policy.Generations}. Verifique a limpeza automática de backups antigos.",
                $"{kept} backup(s) kept in {c.Policy.Root}; {c.Policy.Generations} are expected. Check the automatic clean-up of old backups."));
        }
    }
}
