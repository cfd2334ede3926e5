using MonitoramentoBKP.Collector.Domain;

namespace MonitoramentoBKP.Collector.Rules;

/// <summary>One check, a pure function of its context: no I/O, no clock of its own.</summary>
public interface IRule
{
    string Id { get; }

    IEnumerable<Finding> Evaluate(RuleContext context);
}
