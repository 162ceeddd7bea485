using CopLive.Collab.Text;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Practice;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Grains;
using CopLive.Silo.Tests.Fixtures;
using NodaTime;

namespace CopLive.Silo.Tests.Practice;

/// <summary>Decisions, action items and the minutes of a meeting, through the real session, series and document grains with a fake clock.</summary>
[Collection(SqliteCluster.Name)]
public sealed class MinutesTests(SqliteClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task FacilitatorsAndTheRecorder_MarkDecisionsAndActionItems_OtherMembersCannot_AndTheRecordClosesWithTheMeeting()
    {
        var meeting = await MeetingAsync(autoAdvance: true);
        var (recorder, other) = (meeting.Members[0], meeting.Members[1]);

        var byMember = await Assert.ThrowsAsync<CopLiveException>(() => meeting.Session.AddDecisionAsync(recorder, "Keep the trios"));
        await meeting.Session.SetRecorderAsync(meeting.Facilitator, recorder.Member);
        var decided = await meeting.Session.AddDecisionAsync(recorder, "Keep the trios");
        var assigned = await meeting.Session.AddActionItemAsync(meeting.Facilitator, "Share the fractions unit", other.Member, Today().PlusDays(7));
        var byOther = await Assert.ThrowsAsync<CopLiveException>(() => meeting.Session.AddActionItemAsync(other, "Mine", null, null));
        var blank = await Assert.ThrowsAsync<CopLiveException>(() => meeting.Session.AddDecisionAsync(recorder, "  "));
        var pastDue = await Assert.ThrowsAsync<CopLiveException>(() => meeting.Session.AddActionItemAsync(recorder, "Late", null, Today().PlusDays(-1)));
        var stranger = await Assert.ThrowsAsync<CopLiveException>(() => meeting.Session.AddActionItemAsync(recorder, "Who?", MemberId.New(), null));
        var done = await meeting.Session.SetActionItemDoneAsync(recorder, assigned.ActionItems[0].Id, true);
        await meeting.Session.EndAsync(meeting.Facilitator, null);
        var afterEnd = await Assert.ThrowsAsync<CopLiveException>(() => meeting.Session.AddDecisionAsync(meeting.Facilitator, "Too late"));

        Assert.Equal(CopLiveError.Forbidden, byMember.Code);
        Assert.Equal(recorder.Member, decided.Recorder);
        Assert.Equal(("Keep the trios", "Teacher 0"), (decided.Decisions[0].Text, decided.Decisions[0].ByName));
        Assert.Equal(0, decided.Decisions[0].Phase);
        Assert.Equal(("Teacher 1", Today().PlusDays(7)), (assigned.ActionItems[0].OwnerName, assigned.ActionItems[0].Due));
        Assert.Equal(CopLiveError.Forbidden, byOther.Code);
        Assert.Equal("text", blank.Field);
        Assert.Equal("due", pastDue.Field);
        Assert.Equal("ownerId", stranger.Field);
        Assert.True(done.ActionItems[0].Done);
        Assert.Equal(CopLiveError.Conflict, afterEnd.Code);
    }

    [Fact]
    public async Task TheMinutes_HoldWhoCameWhen_TheAgendaAsRunWithItsOverrun_TheRecord_WhatEachRoomWrote_AndThePlansVersion()
    {
        var meeting = await MeetingAsync(autoAdvance: false);
        var started = fixture.Clock.GetCurrentInstant();
        fixture.Clock.Advance(Duration.FromMinutes(12)); // the first phase (10 minutes) runs 2 over
        var feedback = await meeting.Session.AdvancePhaseAsync(meeting.Facilitator);
        var room = feedback.Breakout!.Rooms[0];
        var writer = meeting.Members.First(m => room.Members.Contains(m.Member));
        var seeded = await Grains.GetDocumentInternal(room.Notes).GetTextWithAuthorsAsync();
        await Grains.GetDocument(room.Notes).SubmitAsync(writer, new OpSubmission("tab", 1, seeded.Version,
            TextOpJson.Parse($"[{CodePoints.Count(seeded.Text)}, \"Warm: concrete models\"]")));
        await meeting.Session.AddDecisionAsync(meeting.Facilitator, "Adopt bar models");
        await meeting.Session.AddActionItemAsync(meeting.Facilitator, "Try it in class", writer.Member, null);
        fixture.Clock.Advance(Duration.FromMinutes(10));
        await meeting.Session.AdvancePhaseAsync(meeting.Facilitator);
        fixture.Clock.Advance(Duration.FromMinutes(5));
        await meeting.Session.EndAsync(meeting.Facilitator, null);
        var ended = fixture.Clock.GetCurrentInstant();

        var minutes = await meeting.Session.GetMinutesAsync(meeting.Members[1]);

        Assert.Equal(SessionStatus.Ended, minutes.Status);
        Assert.Equal(ended, minutes.EndedAt);
        Assert.Equal(meeting.Members.Count + 1, minutes.Attendance.Length);
        Assert.All(minutes.Attendance, a => Assert.Equal(ended, a.Left));
        Assert.Equal(["Presentation", "Feedback", "Reflection"], minutes.Agenda.Select(p => p.Title));
        Assert.Equal((started, started + Duration.FromMinutes(12), Duration.FromMinutes(2)), (minutes.Agenda[0].Started, minutes.Agenda[0].Ended, minutes.Agenda[0].Overrun));
        Assert.Equal(Duration.Zero, minutes.Agenda[1].Overrun);
        Assert.Equal((ended - Duration.FromMinutes(5), ended), (minutes.Agenda[2].Started, minutes.Agenda[2].Ended));
        Assert.Equal("Adopt bar models", Assert.Single(minutes.Decisions).Text);
        Assert.Equal(1, minutes.Decisions[0].Phase);
        Assert.Equal("Try it in class", Assert.Single(minutes.ActionItems).Text);
        var roomMinutes = Assert.Single(minutes.Rooms);
        Assert.Equal(("Feedback", room.Name, "Warm: concrete models"), (roomMinutes.Round, roomMinutes.Room, roomMinutes.Text));
        var plan = await Grains.GetDocumentInternal(minutes.Plan).GetTextWithAuthorsAsync();
        Assert.Equal(plan.Version, minutes.PlanVersion);
        Assert.Contains("Warm: concrete models", plan.Text);
    }

    [Fact]
    public async Task OpenActionItems_ComeBackInTheNextMeetingOfTheSeries_DoneOnesDoNot()
    {
        var (community, facilitator, member) = await Community.WithFacilitatorAndMemberAsync(Grains);
        var series = Grains.GetSeries(await Grains.GetCommunity(community).ScheduleSeriesAsync(facilitator, new NewSeries(
            "Weekly PLC", fixture.Clock.GetCurrentInstant().InUtc().Date.PlusDays(2), new LocalTime(16, 0), "UTC", 1, 3, 60, [new AgendaItem("Talk", 30)])));
        var first = Grains.GetSession((await series.GetAsync(member)).Occurrences[0].Session!.Value);
        await first.StartAsync(facilitator);
        var open = (await first.AddActionItemAsync(facilitator, "Bring student work", member.Member, null)).ActionItems[0];
        var closed = (await first.AddActionItemAsync(facilitator, "Book the room", null, null)).ActionItems[1];
        await first.SetActionItemDoneAsync(facilitator, closed.Id, true);

        await first.EndAsync(facilitator, null);
        var view = await Community.EventuallyAsync(() => series.GetAsync(member), v => v.Occurrences[1].Session is not null);
        var second = Grains.GetSession(view.Occurrences[1].Session!.Value);
        var carried = await Community.EventuallyAsync(() => second.GetLiveAsync(member), s => !s.ActionItems.IsDefaultOrEmpty);

        var item = Assert.Single(carried.ActionItems);
        Assert.Equal((open.Id, "Bring student work", member.Member), (item.Id, item.Text, item.Owner));
        Assert.Equal(first.GetPrimaryKey(), item.From.Value);
    }

    private LocalDate Today() => fixture.Clock.GetCurrentInstant().InUtc().Date;

    private async Task<Meeting> MeetingAsync(bool autoAdvance)
    {
        var (community, invites) = await Community.CreateAsync(Grains);
        var facilitator = await Community.JoinAsync(Grains, community, invites.Facilitator, "Facilitator");
        var members = new List<Caller>();
        for (var i = 0; i < 3; i++)
        {
            members.Add(await Community.JoinAsync(Grains, community, invites.Member, $"Teacher {i}"));
        }
        var session = await Community.ScheduleAsync(Grains, fixture.Clock, community, facilitator, "Tuning", 60,
            [
                new AgendaItem("Presentation", 10),
                new AgendaItem("Feedback", 10, "The presenter listens", "Warm, then cool", new PhaseBreakout(1)),
                new AgendaItem("Reflection", 10),
            ], autoAdvance);
        await session.StartAsync(facilitator);
        await session.JoinAsync(facilitator, "facilitator-tab");
        for (var i = 0; i < members.Count; i++)
        {
            await session.JoinAsync(members[i], $"tab-{i}");
        }
        await session.StartAgendaAsync(facilitator);
        return new Meeting(session, facilitator, members);
    }

    private sealed record Meeting(ISessionGrain Session, Caller Facilitator, IReadOnlyList<Caller> Members);
}
