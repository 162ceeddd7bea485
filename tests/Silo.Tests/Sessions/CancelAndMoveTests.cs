using System.Collections.Immutable;
using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Tests.Fixtures;
using NodaTime;

namespace CopLive.Silo.Tests.Sessions;

/// <summary>A facilitator calls off or moves a session that has not started, through the real session and community grains.</summary>
[Collection(SqliteCluster.Name)]
public sealed class CancelAndMoveTests(SqliteClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task ACancelledSession_LeavesTheUpcomingList_CannotStart_AndTheAuditSaysWhy()
    {
        var (community, facilitator, member, session) = await ScheduledAsync("Europe/Paris");

        var cancelled = await session.CancelAsync(facilitator, "Parent conferences");
        var start = await Assert.ThrowsAsync<CopLiveException>(() => session.StartAsync(facilitator));
        var again = await Assert.ThrowsAsync<CopLiveException>(() => session.CancelAsync(facilitator, null));
        var upcoming = await Grains.GetCommunity(community).GetUpcomingSessionsAsync(member);
        var audit = await Grains.GetCommunity(community).GetAuditAsync(facilitator, null, 10);

        Assert.Equal(SessionStatus.Cancelled, cancelled.Summary.Status);
        Assert.Equal(SessionStatus.Cancelled, (await session.GetAsync(member)).Summary.Status);
        Assert.Equal((CopLiveError.Conflict, "The session was cancelled."), (start.Code, start.Message));
        Assert.Equal(CopLiveError.Conflict, again.Code);
        Assert.Empty(upcoming.Sessions);
        Assert.Contains(audit, e => e.Action == AuditActions.SessionCancelled && e.Reason == "Parent conferences");
    }

    [Fact]
    public async Task MovingASession_KeepsItsZonesWallClock_AcrossTheChangeOfClocks()
    {
        // Scheduled in Paris in October (UTC+2); moved a week later, past the end of summer time (UTC+1).
        var (community, facilitator, member, session) = await ScheduledAsync("Europe/Paris", new LocalDateTime(2027, 10, 26, 16, 0));

        var moved = await session.RescheduleAsync(facilitator, new LocalDateTime(2027, 11, 2, 16, 0), 90);
        var listed = Assert.Single((await Grains.GetCommunity(community).GetUpcomingSessionsAsync(member)).Sessions);

        Assert.Equal(new LocalDateTime(2027, 11, 2, 16, 0), moved.Summary.LocalStart);
        Assert.Equal(Instant.FromUtc(2027, 11, 2, 15, 0), moved.Summary.Start);
        Assert.Equal(Duration.FromMinutes(90), moved.Duration);
        Assert.Equal(moved.Summary, listed);
    }

    [Fact]
    public async Task OnlyFacilitatorsMove_AndNeverASessionThatStarted_OrIntoThePast_OrShorterThanItsAgenda()
    {
        var (_, facilitator, member, session) = await ScheduledAsync("UTC");
        var tomorrow = fixture.Clock.GetCurrentInstant().InUtc().Date.PlusDays(1).At(new LocalTime(17, 0));

        var byMember = await Assert.ThrowsAsync<CopLiveException>(() => session.RescheduleAsync(member, tomorrow, null));
        var past = await Assert.ThrowsAsync<CopLiveException>(() => session.RescheduleAsync(facilitator, tomorrow.PlusDays(-3), null));
        var tooShort = await Assert.ThrowsAsync<CopLiveException>(() => session.RescheduleAsync(facilitator, tomorrow, 20));
        var cancelByMember = await Assert.ThrowsAsync<CopLiveException>(() => session.CancelAsync(member, null));
        await session.StartAsync(facilitator);
        var live = await Assert.ThrowsAsync<CopLiveException>(() => session.RescheduleAsync(facilitator, tomorrow, null));
        var cancelLive = await Assert.ThrowsAsync<CopLiveException>(() => session.CancelAsync(facilitator, null));

        Assert.Equal(CopLiveError.Forbidden, byMember.Code);
        Assert.Equal("start", past.Field);
        Assert.Equal("agenda", tooShort.Field);
        Assert.Equal(CopLiveError.Forbidden, cancelByMember.Code);
        Assert.Equal(CopLiveError.Conflict, live.Code);
        Assert.Equal(CopLiveError.Conflict, cancelLive.Code);
        Assert.Equal(SessionStatus.Live, (await session.GetAsync(member)).Summary.Status);
    }

    [Fact]
    public async Task Revising_ChangesTitleAgendaAndTimeTogether_OrNothing_AndTheAuditSaysWhat()
    {
        var (community, facilitator, member, session) = await ScheduledAsync("America/Chicago");
        var tomorrow = fixture.Clock.GetCurrentInstant().InUtc().Date.PlusDays(1);
        ImmutableArray<AgendaItem> longer = [new("Check-in", 10), new("Looking at student work", 60), new("Next steps", 20)];

        // An agenda longer than the meeting is refused whole: the title given with it is not applied either.
        var tooLong = await Assert.ThrowsAsync<CopLiveException>(() => session.ReviseAsync(facilitator, new SessionRevision("Data dive", longer)));
        var empty = await Assert.ThrowsAsync<CopLiveException>(() => session.ReviseAsync(facilitator, new SessionRevision()));
        var byMember = await Assert.ThrowsAsync<CopLiveException>(() => session.ReviseAsync(member, new SessionRevision("Mine now")));
        Assert.Equal("Weekly PLC", (await session.GetAsync(member)).Summary.Title);

        var revised = await session.ReviseAsync(facilitator, new SessionRevision("Data dive", longer, tomorrow.At(new LocalTime(15, 30)), 90));
        var listed = Assert.Single((await Grains.GetCommunity(community).GetUpcomingSessionsAsync(member)).Sessions);
        var audit = await Grains.GetCommunity(community).GetAuditAsync(facilitator, null, 10);

        Assert.Equal(("agenda", CopLiveError.InvalidArgument, CopLiveError.Forbidden), (tooLong.Field, empty.Code, byMember.Code));
        Assert.Equal(("Data dive", 90.0, new LocalTime(15, 30)), (revised.Summary.Title, revised.Duration.TotalMinutes, revised.Summary.LocalStart.TimeOfDay));
        Assert.Equal(longer.ToArray(), revised.Agenda.ToArray());
        Assert.Equal(revised.Summary, listed);
        Assert.Contains(audit, e => e.Action == AuditActions.SessionEdited && e.Detail == "Data dive: title from “Weekly PLC” to “Data dive”; agenda now 3 phases, 90 minutes");
        Assert.Contains(audit, e => e.Action == AuditActions.SessionRescheduled && e.Detail!.EndsWith(" to " + tomorrow.ToString("uuuu-MM-dd", null) + " 15:30"));
    }

    private async Task<(CommunityId Community, Caller Facilitator, Caller Member, ISessionGrain Session)> ScheduledAsync(string zone, LocalDateTime? start = null)
    {
        var (community, invites) = await Community.CreateAsync(Grains, zone: zone);
        var facilitator = await Community.JoinAsync(Grains, community, invites.Facilitator, "Facilitator");
        var member = await Community.JoinAsync(Grains, community, invites.Member, "Teacher");
        var when = start ?? fixture.Clock.GetCurrentInstant().InUtc().Date.PlusDays(1).At(new LocalTime(16, 0));
        var details = await Grains.GetCommunity(community).ScheduleSessionAsync(facilitator,
            new NewSession("Weekly PLC", when, zone, 60, [new AgendaItem("Check-in", 10), new AgendaItem("Tuning", 30)]));
        return (community, facilitator, member, Grains.GetSession(details.Summary.Id));
    }
}
