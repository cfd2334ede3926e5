using MonitoramentoBKP.Collector.Domain;

namespace MonitoramentoBKP.Collector.State;

/// <summary>A finding as stored with a state or a status change: rule, the status it implied, and both wordings.</summary>
public sealed record FindingRecord(string RuleId, SetStatus Status, string Pt, string En)
{
    public static FindingRecord From(Finding f) => new(f.RuleId, f.Status, f.Message.Pt, f.Message.En);
}
