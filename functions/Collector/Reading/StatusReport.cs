using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Reading;

/// <summary>GET /api/status: the managers' sheet's delivery, then every branch.</summary>
public sealed record StatusReport(SheetStatusView Sheet, IReadOnlyList<BranchStatusView> Branches);
