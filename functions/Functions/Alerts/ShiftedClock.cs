namespace MonitoramentoBKP.Functions.Alerts;

/// <summary>The system clock moved by a fixed offset (tests only, through <c>Alerts:ClockStartUtc</c>); timers still wait real time.</summary>
internal sealed class ShiftedClock(TimeProvider system, TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => system.GetUtcNow() + offset;

    public override TimeZoneInfo LocalTimeZone => system.LocalTimeZone;

    public override long GetTimestamp() => system.GetTimestamp();

    public override long TimestampFrequency => system.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => system.CreateTimer(callback, state, dueTime, period);
}
