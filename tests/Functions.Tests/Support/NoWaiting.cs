namespace MonitoramentoBKP.Functions.Tests.Support;

/// <summary>The system clock, except that every wait (a retry's backoff) ends at once.</summary>
public sealed class NoWaiting : TimeProvider
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        base.CreateTimer(callback, state, TimeSpan.Zero, period);
}
