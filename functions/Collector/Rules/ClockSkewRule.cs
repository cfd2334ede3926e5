using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;

namespace MonitoramentoBKP.Collector.Rules;

/// <summary>The branch computer's clock is wrong: backup times it reports (and so every schedule check) cannot be trusted.</summary>
public sealed class ClockSkewRule : IRule
{
    public static readonly TimeSpan Tolerance = State.ProbeClock.Tolerance;

    public string Id => "clock-skew";

    public IEnumerable<Finding> Evaluate(RuleContext c)
    {
        var skew = c.ClockSkew;
        if (skew.Duration() <= Tolerance)
        {
            yield break;
        }

        var by = Say.Age(skew.Duration());
        var (pt, en) = skew > TimeSpan.Zero ? ("adiantado", "ahead") : ("atrasado", "behind");
        yield return new Finding(Id, SetStatus.Warning, new Text(
            $"O relógio do computador da filial está {pt} {by.Pt}. Acerte a data e a hora (sincronização automática do Windows).",
            $"The branch computer's clock is {by.En} {en}. Set the date and time right (Windows automatic time sync)."));
    }
}
