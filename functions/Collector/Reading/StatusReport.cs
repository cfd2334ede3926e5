using MonitoramentoBKP.Collector.Sheets;

namespace MonitoramentoBKP.Collector.Reading;

/// <summary>GET /api/status: the managers' sheet's delivery, every branch, then the fleet's versions and releases, and each alert route's delivery.</summary>
public sealed record StatusReport(SheetStatusView Sheet, IReadOnlyList<BranchStatusView> Branches, FleetView Fleet)
{
    public IReadOnlyList<Notify.RouteStatusView> Routes { get; init; } = [];
}
