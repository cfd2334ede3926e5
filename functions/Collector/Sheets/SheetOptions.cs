using MonitoramentoBKP.Collector.Alerts;

namespace MonitoramentoBKP.Collector.Sheets;

/// <summary>Settings of the managers' sheet: language, the zone whose calendar heads the history grid, alert hygiene and retries.</summary>
public sealed record SheetOptions
{
    public SheetLanguage Language { get; init; } = SheetLanguage.Portuguese;

    /// <summary>The zone whose "today" ends the Histórico grid (each branch's cells are still its own local days).</summary>
    public TimeZoneInfo HeaderZone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    public AlertHygiene Hygiene { get; init; } = new();

    /// <summary>Tries of one alert batch within a dispatch when the sheet's answer is unknown or it is unavailable.</summary>
    public int DeliveryAttempts { get; init; } = 3;

    public TimeSpan DeliveryRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Rounds of "deliver, then look for more" in one dispatch, so changes committed meanwhile go out too.</summary>
    public int MaxRounds { get; init; } = 5;

    /// <summary>Wait after a status change before dispatching, so a burst of changes goes out together.</summary>
    public TimeSpan SignalDelay { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How often every change row is read for undelivered ones that lost their mark.</summary>
    public TimeSpan OutboxScanEvery { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Branches read or marked at once.</summary>
    public int Parallelism { get; init; } = 8;
}
