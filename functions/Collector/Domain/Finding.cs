using MonitoramentoBKP.Collector.Localization;

namespace MonitoramentoBKP.Collector.Domain;

/// <summary>One rule's verdict on one set: a stable rule id, the status it implies, and what to tell people.</summary>
public sealed record Finding(string RuleId, SetStatus Status, Text Message);
