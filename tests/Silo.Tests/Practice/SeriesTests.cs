using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Practice;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Grains;
using CopLive.Silo.Tests.Fixtures;
using NodaTime;

namespace CopLive.Silo.Tests.Practice;

/// <summary>Recurring meetings through the real community, series and session grains, with a fake clock.</summary>
[Collection(SqliteCluster.Name)]
public sealed class SeriesTests(SqliteClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task AWeeklySeries_SchedulesItsNextMeetingAsASession_AndOnlyThatOne()
    {
        var (community, facilitator, member) = await Community.WithFacilitatorAndMemberAsync(Grains);

        var series = await ScheduleAsync(community, facilitator);
        var view = await series.GetAsync(member);
        var upcoming = await Grains.GetCommunity(community).GetUpcomingSessionsAsync(member);

        Assert.Equal(4, view.Occurrences.Length);
        Assert.Equal([OccurrenceStatus.Scheduled, OccurrenceStatus.Planned, OccurrenceStatus.Planned, OccurrenceStatus.Planned], view.Occurrences.Select(o => o.Status));
        var session = Assert.Single(upcoming.Sessions);
        Assert.Equal(view.Occurrences[0].Session, session.Id);
        Assert.Equal("Weekly PLC (1 of 4)", session.Title);
        Assert.Equal(view.Occurrences[0].Start, session.Start);
        Assert.Equal(["Check-in", "Warm and cool feedback"], (await Grains.GetSession(session.Id).GetAsync(member)).Agenda.Select(a => a.Title));
    }

    [Fact]
    public async Task SkippingTheNextMeeting_CancelsItsSession_AndSchedulesTheOneAfter()
    {
        var (community, facilitator, member) = await Community.WithFacilitatorAndMemberAsync(Grains);
        var series = await ScheduleAsync(community, facilitator);
        var first = (await series.GetAsync(member)).Occurrences[0].Session!.Value;

        var skipped = await series.SkipAsync(facilitator, 0, "Winter break");
        var upcoming = await Grains.GetCommunity(community).GetUpcomingSessionsAsync(member);

        Assert.Equal(SessionStatus.Cancelled, (await Grains.GetSession(first).GetAsync(member)).Summary.Status);
        Assert.Equal([OccurrenceStatus.Skipped, OccurrenceStatus.Scheduled], skipped.Occurrences.Take(2).Select(o => o.Status));
        Assert.Equal(skipped.Occurrences[1].Session, Assert.Single(upcoming.Sessions).Id);
    }

    [Fact]
    public async Task MovingAMeeting_MovesItAlone_AndItsSessionWhenItHasOne()
    {
        var (community, facilitator, member) = await Community.WithFacilitatorAndMemberAsync(Grains);
        var series = await ScheduleAsync(community, facilitator);
        var view = await series.GetAsync(member);
        var firstMoved = view.Occurrences[0].LocalStart.PlusHours(2);
        var thirdMoved = view.Occurrences[2].LocalStart.PlusDays(1);

        await series.MoveAsync(facilitator, 0, firstMoved);
        var after = await series.MoveAsync(facilitator, 2, thirdMoved);
        var session = await Grains.GetSession(after.Occurrences[0].Session!.Value).GetAsync(member);

        Assert.Equal(firstMoved, session.Summary.LocalStart);
        Assert.Equal([firstMoved, view.Occurrences[1].LocalStart, thirdMoved, view.Occurrences[3].LocalStart], after.Occurrences.Select(o => o.LocalStart));
        Assert.Equal([true, false, true, false], after.Occurrences.Select(o => o.Moved));
    }

    [Fact]
    public async Task WhenAMeetingEnds_TheSeriesSchedulesTheNext()
    {
        var (community, facilitator, member) = await Community.WithFacilitatorAndMemberAsync(Grains);
        var series = await ScheduleAsync(community, facilitator);
        var first = Grains.GetSession((await series.GetAsync(member)).Occurrences[0].Session!.Value);

        await first.StartAsync(facilitator);
        await first.EndAsync(facilitator, null);
        var upcoming = await Community.EventuallyAsync(() => Grains.GetCommunity(community).GetUpcomingSessionsAsync(member), u => u.Sessions.Length == 1);

        Assert.Equal("Weekly PLC (2 of 4)", upcoming.Sessions[0].Title);
    }

    [Fact]
    public async Task OnlyFacilitatorsScheduleSkipOrMove_AndBadSeriesNameTheirField()
    {
        var (community, facilitator, member) = await Community.WithFacilitatorAndMemberAsync(Grains);
        var grain = Grains.GetCommunity(community);
        var series = await ScheduleAsync(community, facilitator);
        await series.GetAsync(member);
        var request = Request();

        var byMember = await Assert.ThrowsAsync<CopLiveException>(() => grain.ScheduleSeriesAsync(member, request));
        var skipByMember = await Assert.ThrowsAsync<CopLiveException>(() => series.SkipAsync(member, 1, null));
        var moveByMember = await Assert.ThrowsAsync<CopLiveException>(() => series.MoveAsync(member, 1, request.FirstDate.At(request.Time)));
        var noSuchMeeting = await Assert.ThrowsAsync<CopLiveException>(() => series.SkipAsync(facilitator, 4, null));
        var tooMany = await Assert.ThrowsAsync<CopLiveException>(() => grain.ScheduleSeriesAsync(facilitator, request with { Occurrences = 53 }));
        var tooSparse = await Assert.ThrowsAsync<CopLiveException>(() => grain.ScheduleSeriesAsync(facilitator, request with { EveryWeeks = 9 }));
        var badZone = await Assert.ThrowsAsync<CopLiveException>(() => grain.ScheduleSeriesAsync(facilitator, request with { TimeZone = "Mars/Olympus" }));
        var past = await Assert.ThrowsAsync<CopLiveException>(() => grain.ScheduleSeriesAsync(facilitator, request with { FirstDate = request.FirstDate.PlusDays(-30) }));

        Assert.Equal(CopLiveError.Forbidden, byMember.Code);
        Assert.Equal(CopLiveError.Forbidden, skipByMember.Code);
        Assert.Equal(CopLiveError.Forbidden, moveByMember.Code);
        Assert.Equal("occurrence", noSuchMeeting.Field);
        Assert.Equal("occurrences", tooMany.Field);
        Assert.Equal("everyWeeks", tooSparse.Field);
        Assert.Equal("timeZone", badZone.Field);
        Assert.Equal("start", past.Field);
        Assert.Single((await grain.GetUpcomingSessionsAsync(member)).Sessions);
    }

    [Fact]
    public async Task ASeriesFromATemplate_InTheCommunitysZone_RunsTheTemplateEveryTime()
    {
        var (community, facilitator, member) = await Community.WithFacilitatorAndMemberAsync(Grains, "Europe/Paris");

        var id = await Grains.GetCommunity(community).ScheduleSeriesAsync(facilitator,
            Request() with { TimeZone = null, Agenda = [], DurationMinutes = null, Template = "atlas-looking-at-data" });
        var view = await Grains.GetSeries(id).GetAsync(member);

        Assert.Equal("Europe/Paris", view.Plan.TimeZone);
        Assert.Equal(Duration.FromMinutes(45), view.Plan.Duration);
        Assert.Equal("Interpret the data", Assert.Single(view.Plan.Agenda, a => a.Breakout is not null).Title);
    }

    [Fact]
    public async Task WithStandingGroups_TheSameTeachersMeetInTheSameRooms_WhateverOrderTheyArriveIn()
    {
        var (community, invites) = await Community.CreateAsync(Grains);
        var facilitator = await Community.JoinAsync(Grains, community, invites.Facilitator, "Facilitator");
        var teachers = new List<Caller>();
        for (var i = 0; i < 4; i++)
        {
            teachers.Add(await Community.JoinAsync(Grains, community, invites.Member, $"Teacher {i}"));
        }
        var id = await Grains.GetCommunity(community).ScheduleSeriesAsync(facilitator, Request() with { StandingGroups = true });
        var series = Grains.GetSeries(id);

        var first = await MeetingAsync(series, 0, facilitator, teachers);
        await Community.EventuallyAsync(() => Grains.GetSeriesInternal(id).GetGroupsAsync(), g => g?.Count == 4);
        var second = await MeetingAsync(series, 1, facilitator, [teachers[0], teachers[2], teachers[1], teachers[3]]);

        Assert.Equal(RoomByRoom(first), RoomByRoom(second));
    }

    /// <summary>Runs meeting <paramref name="index"/> of the series: teachers arrive in the order given, a 2-room automatic round opens, the meeting ends.</summary>
    private async Task<BreakoutView> MeetingAsync(ISeriesGrain series, int index, Caller facilitator, IReadOnlyList<Caller> arriving)
    {
        var occurrence = await Community.EventuallyAsync(() => series.GetAsync(facilitator), v => v.Occurrences[index].Session is not null);
        var session = Grains.GetSession(occurrence.Occurrences[index].Session!.Value);
        await session.StartAsync(facilitator);
        foreach (var (teacher, i) in arriving.Select((t, i) => (t, i)))
        {
            await session.JoinAsync(teacher, $"tab-{i}");
        }
        var opened = await session.OpenBreakoutsAsync(facilitator, new BreakoutSpec(2, [], BreakoutMode.Auto, 10, []));
        await session.EndAsync(facilitator, null);
        return opened.Breakout!;
    }

    /// <summary>Who is in each room, room by room.</summary>
    private static string RoomByRoom(BreakoutView round) =>
        string.Join(" | ", round.Rooms.Select(r => string.Join(",", r.Members.Select(m => m.Value).Order())));

    private NewSeries Request() => new(
        "Weekly PLC", fixture.Clock.GetCurrentInstant().InUtc().Date.PlusDays(2), new LocalTime(16, 0), "America/Chicago", 1, 4, 60,
        [new AgendaItem("Check-in", 10), new AgendaItem("Warm and cool feedback", 20, Breakout: new PhaseBreakout(2))]);

    private async Task<ISeriesGrain> ScheduleAsync(CommunityId community, Caller facilitator) =>
        Grains.GetSeries(await Grains.GetCommunity(community).ScheduleSeriesAsync(facilitator, Request()));

}
