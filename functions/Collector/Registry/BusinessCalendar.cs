namespace MonitoramentoBKP.Collector.Registry;

/// <summary>
/// The days a branch is closed, when no backup is expected: a weekly pattern (a store closed on Sundays) and
/// dated exceptions (holidays closed; an exceptional open Sunday before Christmas).
/// </summary>
public sealed record BusinessCalendar
{
    public static readonly BusinessCalendar AlwaysOpen = new();

    public IReadOnlySet<DayOfWeek> ClosedWeekdays { get; init; } = new HashSet<DayOfWeek>();
    public IReadOnlySet<DateOnly> ClosedDates { get; init; } = new HashSet<DateOnly>();
    public IReadOnlySet<DateOnly> OpenDates { get; init; } = new HashSet<DateOnly>();

    public bool IsOpen(DateOnly localDay) =>
        OpenDates.Contains(localDay) || (!ClosedDates.Contains(localDay) && !ClosedWeekdays.Contains(localDay.DayOfWeek));
}
