using MonitoramentoBKP.Collector.Ports;
using MonitoramentoBKP.Functions.Sheets;

namespace MonitoramentoBKP.Functions.Alerts;

/// <summary>"There are status changes": heard by the sheet's pump and the alert channels' pump alike.</summary>
public sealed class DispatchSignals(DispatchPump sheet, AlertPump alerts) : IDispatchSignal
{
    public void Raise()
    {
        sheet.Raise();
        alerts.Raise();
    }
}
