using MonitoramentoBKP.Collector.Ports;

namespace MonitoramentoBKP.Collector.Tests.Support;

/// <summary>A dispatch signal that only counts how often it was raised.</summary>
public sealed class CountingSignal : IDispatchSignal
{
    private int _raised;

    public int Raised => Volatile.Read(ref _raised);

    public void Raise() => Interlocked.Increment(ref _raised);
}
