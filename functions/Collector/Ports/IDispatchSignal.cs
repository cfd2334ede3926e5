namespace MonitoramentoBKP.Collector.Ports;

/// <summary>
/// "There are status changes to deliver": raised after a commit with changes, so the sheet hears within seconds.
/// Best effort by design: the dispatch timer delivers whatever a lost signal would have.
/// </summary>
public interface IDispatchSignal
{
    void Raise();
}
