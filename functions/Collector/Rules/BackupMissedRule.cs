using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;
using MonitoramentoBKP.Collector.Scheduling;

namespace MonitoramentoBKP.Collector.Rules;

/// <summary>No backup newer than the slot the schedule expected (its grace passed, on a day the branch was open).</summary>
public sealed class BackupMissedRule : IRule
{
    public string Id => "backup-missed";

    public IEnumerable<Finding> Evaluate(RuleContext c)
    {
        if (c.Newest is not { } newest || Schedule.LatestDueSlot(c.Policy, c.JudgedAtUtc) is not { } slot)
        {
            yield break;
        }

        // A file's time is the probe's clock: put it on the collector's before comparing it with the slot.
        var written = c.OnCollectorClock(newest.LastWriteUtc);
        if (written >= slot - Schedule.EarlyTolerance(c.Policy, slot))
        {
            yield break;
        }

        var expected = Say.LocalTime(slot, c.Policy.TimeZone);
        var age = Say.Age(c.JudgedAtUtc - written);
        yield return new Finding(Id, SetStatus.Missed, new Text(
            $"Nenhum backup novo desde o horário previsto ({expected.Pt}). O mais recente é {Bounded.Path(newest.Path)}, de {age.Pt} atrás. Verifique se a tarefa de backup rodou.",
            $"No new backup since the expected time ({expected.En}). The newest is {Bounded.Path(newest.Path)}, {age.En} old. Check whether the backup job ran."));
    }
}
