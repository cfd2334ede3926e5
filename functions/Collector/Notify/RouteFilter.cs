using MonitoramentoBKP.Collector.Alerts;
using MonitoramentoBKP.Collector.Registry;

namespace MonitoramentoBKP.Collector.Notify;

/// <summary>
/// Whether a route is sent an alert row: the branch must be in its audience, the row's event among its events,
/// and the status at least its minimum severity. A recovery goes to a route that was told of the incident (or
/// whose minimum the status before it met), so whoever heard of a failure hears that it ended. Acknowledgements
/// and the start of a silence stay in the sheet; the end of one is sent when the set is still wrong. Pure.
/// </summary>
public static class RouteFilter
{
    /// <summary>The route's event for a row's event; null for one no route receives (an acknowledgement).</summary>
    public static RouteEvent? EventOf(AlertEvent what) => what switch
    {
        AlertEvent.Opened => RouteEvent.Opened,
        AlertEvent.Escalated => RouteEvent.Escalated,
        AlertEvent.Reminder => RouteEvent.Reminder,
        AlertEvent.Reopened => RouteEvent.Reopened,
        AlertEvent.Resolved => RouteEvent.Resolved,

        // The end of a silence on a set still wrong is its announcement: routes hear it as they would an opening.
        AlertEvent.SilenceEnded => RouteEvent.Opened,
        _ => null,
    };

    /// <summary>The incident a row belongs to: its id without the row's number.</summary>
    public static string IncidentOf(AlertRow row) => row.AlertId[..Math.Max(0, row.AlertId.LastIndexOf('.'))];

    /// <param name="told">The open incidents the route was told of; updated (an announced incident added, a resolved one removed).</param>
    public static bool Admits(AlertRoute route, BranchPolicy? branch, AlertRow row, ISet<string> told)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(told);
        var incident = IncidentOf(row);
        if (branch is null || !route.Audience.Includes(branch) || EventOf(row.Event) is not { } what
            || row.Event == AlertEvent.SilenceEnded && !AlertPlanner.IsProblem(row.Status))
        {
            return false;
        }

        if (what == RouteEvent.Resolved)
        {
            var heard = told.Remove(incident);
            return route.Receives(what) && (heard || route.Severe(row.Previous));
        }

        if (!route.Receives(what) || !route.Severe(row.Status))
        {
            return false;
        }

        if (what != RouteEvent.Reminder)
        {
            told.Add(incident);
        }

        return true;
    }
}
