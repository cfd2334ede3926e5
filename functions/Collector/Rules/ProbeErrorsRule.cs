using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;
using MonitoramentoBKP.Contracts;

namespace MonitoramentoBKP.Collector.Rules;

/// <summary>Files or folders the probe could not read (locked, refused, broken links), except backups still being written.</summary>
public sealed class ProbeErrorsRule : IRule
{
    public string Id => "probe-errors";

    public IEnumerable<Finding> Evaluate(RuleContext c)
    {
        if (c.Set is null)
        {
            yield break;
        }

        var problems = c.Set.Files
            .Where(f => f.Error is { Code: not ProblemCode.InProgress })
            .Select(f => $"{Bounded.Path(f.Path)} ({f.Error!.Code})")
            .Concat(c.Set.Skipped.Where(s => s.Reason.Code != ProblemCode.LinkCycle).Select(s => $"{Bounded.Path(s.Path)}/ ({s.Reason.Code})"))
            .ToList();
        if (problems.Count == 0)
        {
            yield break;
        }

        var listed = string.Join(", ", problems.Take(3)) + (problems.Count > 3 ? ", …" : "");
        yield return new Finding(Id, SetStatus.Warning, new Text(
            $"A sonda não conseguiu ler {problems.Count} item(ns): {listed}. Verifique se estão em uso ou sem permissão.",
            $"The probe could not read {problems.Count} item(s): {listed}. Check whether they are in use or not permitted."));
    }
}
