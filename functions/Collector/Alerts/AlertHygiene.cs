namespace MonitoramentoBKP.Collector.Alerts;

/// <summary>
/// How talkative the alert log is. A failure within <see cref="FlapWindow"/> of a recovery is held back and
/// announced only if it is still there when the window ends; a problem that stays gets a reminder row every
/// <see cref="ReminderEvery"/>, not one per sweep.
/// </summary>
public sealed record AlertHygiene
{
    public TimeSpan FlapWindow { get; init; } = TimeSpan.FromHours(1);
    public TimeSpan ReminderEvery { get; init; } = TimeSpan.FromDays(1);
}
