using MonitoramentoBKP.Collector.Registry;
using MonitoramentoBKP.Collector.Scheduling;
using static MonitoramentoBKP.Collector.Tests.Support.Contexts;

namespace MonitoramentoBKP.Collector.Tests.Scheduling;

public sealed class ScheduleTests
{
    [Fact]
    public void The_due_slot_is_the_latest_whose_grace_has_passed()
    {
        var policy = Policy(["0 22 * * *"], grace: TimeSpan.FromHours(2));

        Assert.Equal(Local(2026, 11, 29, 22), Schedule.LatestDueSlot(policy, Local(2026, 11, 30, 23, 59)));
        Assert.Equal(Local(2026, 11, 30, 22), Schedule.LatestDueSlot(policy, Local(2026, 12, 1, 0, 0)));
    }

    [Fact]
    public void Two_dumps_a_day_give_two_slots()
    {
        var policy = Policy(["0 10 * * *", "0 22 * * *"], grace: TimeSpan.FromHours(1));

        Assert.Equal(Local(2026, 11, 30, 10), Schedule.LatestDueSlot(policy, Local(2026, 11, 30, 15)));
        Assert.Equal(Local(2026, 11, 30, 22), Schedule.NextSlotAfter(policy, Local(2026, 11, 30, 15)));
        Assert.Equal(Local(2026, 11, 30, 23), Schedule.NextCheckDue(policy, Local(2026, 11, 30, 15)));
    }

    [Fact]
    public void Closed_days_have_no_slot_and_a_holiday_is_skipped()
    {
        var calendar = new BusinessCalendar
        {
            ClosedWeekdays = new HashSet<DayOfWeek> { DayOfWeek.Sunday },
            ClosedDates = new HashSet<DateOnly> { new(2026, 12, 25) },
            OpenDates = new HashSet<DateOnly> { new(2026, 12, 20) },
        };
        var policy = Policy(["0 22 * * *"], calendar: calendar);

        // Monday 30 Nov, 10:00: Sunday 29 is closed, so the slot due is Saturday 28's.
        Assert.Equal(Local(2026, 11, 28, 22), Schedule.LatestDueSlot(policy, Local(2026, 11, 30, 10)));
        Assert.Equal(Local(2026, 12, 24, 22), Schedule.LatestDueSlot(policy, Local(2026, 12, 26, 10)));
        Assert.Equal(Local(2026, 12, 20, 22), Schedule.LatestDueSlot(policy, Local(2026, 12, 21, 10)));
        Assert.Equal(TimeSpan.FromHours(48), Schedule.LongestGap(policy, Local(2026, 11, 30, 0)));
    }

    [Fact]
    public void Slots_keep_their_local_time_across_a_daylight_saving_change()
    {
        var policy = Policy(["0 22 * * *"], zone: "America/New_York");

        // New York leaves summer time on 1 Nov 2026: 22:00 local is 02:00Z before and 03:00Z after.
        var before = Schedule.LatestSlotAtOrBefore(policy, new DateTime(2026, 10, 31, 12, 0, 0, DateTimeKind.Utc));
        var after = Schedule.LatestSlotAtOrBefore(policy, new DateTime(2026, 11, 2, 12, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 10, 31, 2, 0, 0, DateTimeKind.Utc), before);
        Assert.Equal(new DateTime(2026, 11, 2, 3, 0, 0, DateTimeKind.Utc), after);
    }

    [Fact]
    public void A_slot_in_the_hour_that_does_not_exist_still_happens()
    {
        var policy = Policy(["30 2 * * *"], zone: "America/New_York");

        // 8 Mar 2026: clocks jump from 02:00 to 03:00; the 02:30 dump runs at 03:00 EDT (07:00Z), not never.
        var slot = Schedule.NextSlotAfter(policy, new DateTime(2026, 3, 8, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 3, 8, 7, 0, 0, DateTimeKind.Utc), slot);
    }

    [Fact]
    public void A_backup_a_little_early_counts_for_its_slot_and_yesterdays_does_not()
    {
        var policy = Policy(["0 22 * * *"]);
        var slot = Local(2026, 11, 30, 22);

        var tolerance = Schedule.EarlyTolerance(policy, slot);

        Assert.Equal(TimeSpan.FromHours(12), tolerance);
        Assert.True(Local(2026, 11, 30, 21, 50) >= slot - tolerance);
        Assert.False(Local(2026, 11, 29, 22, 10) >= slot - tolerance);
    }
}
