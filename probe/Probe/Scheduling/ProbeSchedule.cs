namespace MonitoramentoBKP.Probe.Scheduling;

/// <summary>
/// When the probe runs: at each of <see cref="Times"/> (local wall-clock time, every day) and every
/// <see cref="HeartbeatHours"/> hours as a heartbeat, each start delayed by a random part of <see cref="RandomDelay"/> so 300 branches do not call the
/// collector in the same second, and stopped after <see cref="TimeLimit"/>.
/// </summary>
public sealed record ProbeSchedule
{
    /// <summary>Most branches dump their databases in the evening; half past eleven sees the night's backup.</summary>
    public static readonly TimeOnly DefaultTime = new(23, 30);

    /// <summary>The Task Scheduler takes at most 48 triggers; one is the heartbeat.</summary>
    public const int MaxTimes = 24;

    /// <summary>Long enough for a first full hash of a large backup folder, short enough that a hung run does not block a day.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromHours(4);

    /// <summary>Spreads 300 branches over ten minutes: about one request every two seconds at the collector.</summary>
    public static readonly TimeSpan DefaultRandomDelay = TimeSpan.FromMinutes(10);

    /// <summary>Hourly: the collector hears from the branch within the hour; a large fleet may choose fewer (see infra/README.md, cost).</summary>
    public const int DefaultHeartbeatHours = 1;

    /// <summary>Two heartbeats a day at least; 0 turns it off (the daily times still run).</summary>
    public const int MaxHeartbeatHours = 12;

    public IReadOnlyList<TimeOnly> Times { get; init; } = [DefaultTime];

    /// <summary>Hours between heartbeat runs, from midnight; 0 for none.</summary>
    public int HeartbeatHours { get; init; } = DefaultHeartbeatHours;

    public TimeSpan RandomDelay { get; init; } = DefaultRandomDelay;

    public TimeSpan TimeLimit { get; init; } = DefaultTimeLimit;
}
