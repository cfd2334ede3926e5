using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;

namespace MonitoramentoBKP.Collector.Rules;

/// <summary>
/// The probe threw away manifests it could not deliver (its spool was full because the collector was out of reach
/// too long): those runs' measurements are lost, and only the probe can say so. Reported on every set of the branch,
/// for as long as the manifest that carries the drop record is the latest.
/// </summary>
public sealed class SpoolDroppedRule : IRule
{
    public string Id => "spool-dropped";

    public IEnumerable<Finding> Evaluate(RuleContext c)
    {
        if (c.Manifest.SpoolDropped is not { } dropped)
        {
            yield break;
        }

        var first = Say.LocalTime(c.OnCollectorClock(dropped.FirstFinishedUtc), c.Policy.TimeZone);
        var last = Say.LocalTime(c.OnCollectorClock(dropped.LastFinishedUtc), c.Policy.TimeZone);
        var (whatPt, whatEn) = dropped.Count == 1
            ? ("1 manifesto não enviado", "1 unsent manifest")
            : ($"{dropped.Count} manifestos não enviados", $"{dropped.Count} unsent manifests");
        var (whenPt, whenEn) = first == last ? ($"de {first.Pt}", $"from {first.En}") : ($"de {first.Pt} a {last.Pt}", $"from {first.En} to {last.En}");
        yield return new Finding(Id, SetStatus.Warning, new Text(
            $"A sonda descartou {whatPt} ({whenPt}): o coletor ficou inacessível além da capacidade da fila. Essas verificações se perderam.",
            $"The probe dropped {whatEn} ({whenEn}): the collector was out of reach for longer than its queue holds. Those checks are lost."));
    }
}
