using CopLive.Grains.Ids;
using CopLive.Grains.Practice;
using CopLive.Silo.Domain.Practice;
using NodaTime;

namespace CopLive.Silo.Tests.Domain.Practice;

/// <summary>The meetings of a series: same weekday and wall-clock time in its zone, whatever the clocks do.</summary>
public sealed class RecurrenceTests
{
    private static SeriesPlan Weekly(LocalDate first, LocalTime time, string zone = "America/Chicago", int every = 1, int count = 4) => new(
        CommunityId.New(), "Weekly PLC", zone, first, time, every, count, Duration.FromMinutes(60), [], true, false, MemberId.New(), Instant.FromUtc(2026, 10, 1, 0, 0));

    [Fact]
    public void AWeeklyMeeting_KeepsItsLocalTime_WhenTheClocksFallBack_AndItsInstantMovesInstead()
    {
        // Chicago leaves summer time on 1 November 2026: 16:00 is 21:00 UTC before and 22:00 UTC after.
        var plan = Weekly(new LocalDate(2026, 10, 27), new LocalTime(16, 0));

        var starts = Recurrence.Starts(plan, new Dictionary<int, LocalDateTime>());

        Assert.All(starts, s => Assert.Equal((IsoDayOfWeek.Tuesday, new LocalTime(16, 0)), (s.DayOfWeek, s.TimeOfDay)));
        Assert.Equal(
            [Instant.FromUtc(2026, 10, 27, 21, 0), Instant.FromUtc(2026, 11, 3, 22, 0), Instant.FromUtc(2026, 11, 10, 22, 0), Instant.FromUtc(2026, 11, 17, 22, 0)],
            starts.Select(s => Recurrence.Resolve(s, plan.TimeZone)));
    }

    [Fact]
    public void AMemberInAnotherZone_SeesTheMeetingMoveByAnHour_InTheWeekTheirClocksChangeAndTheSeriesDoesNot()
    {
        // Paris leaves summer time a week before Chicago (25 October 2026).
        var plan = Weekly(new LocalDate(2026, 10, 20), new LocalTime(16, 0));

        var inParis = Recurrence.Starts(plan, new Dictionary<int, LocalDateTime>())
            .Select(s => Recurrence.Resolve(s, plan.TimeZone).InZone(DateTimeZoneProviders.Tzdb["Europe/Paris"]).TimeOfDay).ToList();

        Assert.Equal([new LocalTime(23, 0), new LocalTime(22, 0), new LocalTime(23, 0), new LocalTime(23, 0)], inParis);
    }

    [Fact]
    public void EveryOtherWeek_SkipsAWeek_AndAMovedMeetingStartsWhereItWasMoved()
    {
        var plan = Weekly(new LocalDate(2027, 1, 5), new LocalTime(15, 30), every: 2, count: 3);
        var moved = new Dictionary<int, LocalDateTime> { [1] = new LocalDateTime(2027, 1, 21, 9, 0) };

        var starts = Recurrence.Starts(plan, moved);

        Assert.Equal([new LocalDateTime(2027, 1, 5, 15, 30), new LocalDateTime(2027, 1, 21, 9, 0), new LocalDateTime(2027, 2, 2, 15, 30)], starts.ToArray());
    }

    [Fact]
    public void AMeetingAtAnHourTheClocksSkip_StartsAfterTheGap()
    {
        // 14 March 2027, Chicago springs forward from 02:00 to 03:00.
        var plan = Weekly(new LocalDate(2027, 3, 7), new LocalTime(2, 30));

        var second = Recurrence.Resolve(Recurrence.OnRhythm(plan, 1), plan.TimeZone);

        Assert.Equal(new LocalDateTime(2027, 3, 14, 3, 30), second.InZone(DateTimeZoneProviders.Tzdb[plan.TimeZone]).LocalDateTime);
    }

    [Fact]
    public void Next_IsTheFirstMeetingNotSkippedNotOverAndNotPast_OrNoneWhenTheSeriesIsDone()
    {
        var plan = Weekly(new LocalDate(2027, 1, 5), new LocalTime(16, 0));
        var none = new Dictionary<int, LocalDateTime>();
        var duringTheSecond = Instant.FromUtc(2027, 1, 12, 22, 30);

        Assert.Equal(0, Recurrence.Next(plan, none, new HashSet<int>(), new HashSet<int>(), Instant.FromUtc(2027, 1, 1, 0, 0)));
        Assert.Equal(1, Recurrence.Next(plan, none, new HashSet<int>(), new HashSet<int>(), duringTheSecond));
        Assert.Equal(2, Recurrence.Next(plan, none, new HashSet<int>(), new HashSet<int> { 1 }, duringTheSecond));
        Assert.Equal(3, Recurrence.Next(plan, none, new HashSet<int> { 2 }, new HashSet<int> { 1 }, duringTheSecond));
        Assert.Null(Recurrence.Next(plan, none, new HashSet<int>(), new HashSet<int>(), Instant.FromUtc(2027, 3, 1, 0, 0)));
    }
}
