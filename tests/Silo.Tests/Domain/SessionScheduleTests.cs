using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;
using CopLive.Silo.Domain;
using NodaTime;

namespace CopLive.Silo.Tests.Domain;

/// <summary>Scheduling rules, where wall-clock times meet time zones.</summary>
public sealed class SessionScheduleTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 2, 15, 0);

    private static NewSession Request(LocalDateTime start, string zone = "America/Chicago", int minutes = 60, params AgendaItem[] agenda) =>
        new("Weekly PLC", start, zone, minutes, [.. agenda]);

    private static SessionPlan Plan(NewSession request) => SessionSchedule.Plan(CommunityId.New(), request, MemberId.New(), Now);

    [Fact]
    public void Plan_ConvertsLocalStartInItsZone()
    {
        var plan = Plan(Request(new LocalDateTime(2026, 12, 1, 16, 0)));

        Assert.Equal(Instant.FromUtc(2026, 12, 1, 22, 0), plan.Start);
        Assert.Equal("America/Chicago", plan.TimeZone);
    }

    [Fact]
    public void Plan_OnTheNightClocksSpringForward_RefusesATimeThatDoesNotExist()
    {
        var refusal = Assert.Throws<CopLiveException>(() => Plan(Request(new LocalDateTime(2027, 3, 14, 2, 30))));

        Assert.Equal("start", refusal.Field);
        Assert.Contains("does not exist", refusal.Message);
    }

    [Fact]
    public void Plan_OnTheNightClocksFallBack_TakesTheEarlierOfTheTwoTimes()
    {
        var plan = Plan(Request(new LocalDateTime(2027, 11, 7, 1, 30)));

        Assert.Equal(Instant.FromUtc(2027, 11, 7, 6, 30), plan.Start);
    }

    [Fact]
    public void Plan_OfASessionThatWouldAlreadyBeOver_IsRefused()
    {
        var refusal = Assert.Throws<CopLiveException>(() => Plan(Request(new LocalDateTime(2026, 11, 1, 9, 0))));

        Assert.Equal("start", refusal.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1441)]
    public void Plan_WithDurationOutOfRange_IsRefused(int minutes)
    {
        var refusal = Assert.Throws<CopLiveException>(() => Plan(Request(new LocalDateTime(2026, 12, 1, 16, 0), minutes: minutes)));

        Assert.Equal("durationMinutes", refusal.Field);
    }

    [Fact]
    public void Plan_WithAgendaExactlyAsLongAsTheSession_IsAccepted()
    {
        var plan = Plan(Request(new LocalDateTime(2026, 12, 1, 16, 0), minutes: 45, agenda: [new("Check-in", 15), new("Tuning", 30)]));

        Assert.Equal(2, plan.Agenda.Length);
    }

    [Fact]
    public void Plan_WithAgendaLongerThanTheSession_SaysBothLengths()
    {
        var refusal = Assert.Throws<CopLiveException>(() =>
            Plan(Request(new LocalDateTime(2026, 12, 1, 16, 0), minutes: 45, agenda: [new("Check-in", 15), new("Tuning", 31)])));

        Assert.Equal("agenda", refusal.Field);
        Assert.Contains("46", refusal.Message);
        Assert.Contains("45", refusal.Message);
    }

    [Theory]
    [InlineData("", 10, "agenda[1].title")]
    [InlineData("Feedback", 0, "agenda[1].minutes")]
    public void Plan_WithBadAgendaItem_NamesTheItem(string title, int minutes, string field)
    {
        var refusal = Assert.Throws<CopLiveException>(() =>
            Plan(Request(new LocalDateTime(2026, 12, 1, 16, 0), agenda: [new("Check-in", 5), new(title, minutes)])));

        Assert.Equal(field, refusal.Field);
    }
}
