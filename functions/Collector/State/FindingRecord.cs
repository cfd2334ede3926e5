using MonitoramentoBKP.Collector.Domain;
using MonitoramentoBKP.Collector.Localization;

namespace MonitoramentoBKP.Collector.State;

/// <summary>A finding as stored with a state or a status change: rule, the status it implied, and both wordings.</summary>
public sealed record FindingRecord(string RuleId, SetStatus Status, string Pt, string En)
{
    /// <summary>Rule id of the last record of a list that was cut (see <see cref="Bound"/>).</summary>
    public const string MoreRuleId = "more-findings";

    public static FindingRecord From(Finding f) =>
        new(f.RuleId, f.Status, Bounded.Sentence(f.Message.Pt), Bounded.Sentence(f.Message.En));

    /// <summary>
    /// The findings as stored: each message bounded, and at most <see cref="Bounded.MaxFindings"/> of them, worst
    /// first, the last one saying how many more there were and of which status. The status they imply is unchanged.
    /// </summary>
    public static IReadOnlyList<FindingRecord> Bound(IEnumerable<Finding> findings)
    {
        var all = findings.Select(From).ToList();
        if (all.Count <= Bounded.MaxFindings)
        {
            return all;
        }

        var kept = all.OrderByDescending(f => f.Status.Rank()).ToList();
        var rest = kept.Skip(Bounded.MaxFindings - 1).ToList();
        var worst = rest.Aggregate(SetStatus.Ok, (w, f) => SetStatusOrder.Worst(w, f.Status));
        var more = new Text($"e mais {rest.Count} problema(s).", $"and {rest.Count} more problem(s).");
        return [.. kept.Take(Bounded.MaxFindings - 1), new FindingRecord(MoreRuleId, worst, more.Pt, more.En)];
    }
}
