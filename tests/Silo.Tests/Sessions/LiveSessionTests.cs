using CopLive.Grains.Communities;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Invites;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Domain.Sessions;
using CopLive.Silo.Grains.Sessions;
using CopLive.Silo.Hosting;
using CopLive.Silo.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CopLive.Silo.Tests.Sessions;

/// <summary>A meeting's lifecycle, agenda countdown and attendance through the real session grain, with a fake clock.</summary>
[Collection(SqliteCluster.Name)]
public sealed class LiveSessionTests(SqliteClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task OnlyFacilitators_StartASession_WhichThenShowsAsLiveInTheSchedule()
    {
        var meeting = await MeetingAsync();

        var refusal = await Assert.ThrowsAsync<CopLiveException>(() => meeting.Session.StartAsync(meeting.Member));
        var live = await meeting.Session.StartAsync(meeting.Facilitator);
        var again = await Assert.ThrowsAsync<CopLiveException>(() => meeting.Session.StartAsync(meeting.Facilitator));
        var upcoming = await Grains.GetCommunity(meeting.Community).GetUpcomingSessionsAsync(meeting.Member);

        Assert.Equal(CopLiveError.Forbidden, refusal.Code);
        Assert.Equal(SessionStatus.Live, live.Status);
        Assert.Equal(fixture.Clock.GetCurrentInstant(), live.StartedAt);
        Assert.Equal(CopLiveError.Conflict, again.Code);
        Assert.Equal(SessionStatus.Live, Assert.Single(upcoming.Sessions).Status);
    }

    [Fact]
    public async Task ALiveSession_KeepsADurableReminder_UntilItEnds()
    {
        var meeting = await MeetingAsync();
        var reminders = fixture.SiloServices.GetRequiredService<IReminderTable>();
        var grain = meeting.Session.GetGrainId();

        var scheduled = await reminders.ReadRow(grain, SessionTicker.ReminderName);
        await meeting.Session.StartAsync(meeting.Facilitator);
        var live = await reminders.ReadRow(grain, SessionTicker.ReminderName);
        await meeting.Session.EndAsync(meeting.Facilitator, null);
        var ended = await reminders.ReadRow(grain, SessionTicker.ReminderName);

        Assert.Null(scheduled);
        Assert.NotNull(live);
        Assert.Equal(TimeSpan.FromSeconds(new SessionOptions().ReminderSeconds), live.Period);
        Assert.Null(ended);
    }

    [Fact]
    public async Task ScheduledSession_HasItsOwnLessonPlan()
    {
        var meeting = await MeetingAsync();

        var details = await meeting.Session.GetAsync(meeting.Member);
        var plan = await Grains.GetDocument(details.MainDocument).OpenAsync(meeting.Member);

        Assert.NotEqual(default, details.MainDocument);
        Assert.Equal("# Tuning protocol\n", plan.Document.Text);
    }

    [Fact]
    public async Task Agenda_MovesOnByItselfWhenAPhaseEnds_AndEveryoneSeesTheSameDeadline()
    {
        var meeting = await MeetingAsync();
        await meeting.Session.StartAsync(meeting.Facilitator);
        var started = await meeting.Session.StartAgendaAsync(meeting.Facilitator);
        var deadline = fixture.Clock.GetCurrentInstant() + Duration.FromMinutes(10);

        fixture.Clock.Advance(Duration.FromMinutes(10) + Duration.FromSeconds(1));
        var next = await Community.EventuallyAsync(() => meeting.Session.GetLiveAsync(meeting.Member), s => s.Progress.Phase == 1);

        Assert.Equal(new AgendaProgress(0, AgendaStatus.Running, deadline, null), started.Progress);
        Assert.Equal(AgendaStatus.Running, next.Progress.Status);
        Assert.Equal(deadline + Duration.FromMinutes(20), next.Progress.Deadline);
        Assert.Equal(next.Progress, (await meeting.Session.GetLiveAsync(meeting.Facilitator)).Progress);
    }

    [Fact]
    public async Task Agenda_PausesResumesAndExtends_ByTheMinute()
    {
        var meeting = await MeetingAsync();
        await meeting.Session.StartAsync(meeting.Facilitator);
        await meeting.Session.StartAgendaAsync(meeting.Facilitator);

        fixture.Clock.Advance(Duration.FromMinutes(4));
        var paused = await meeting.Session.PausePhaseAsync(meeting.Facilitator);
        fixture.Clock.Advance(Duration.FromMinutes(30));
        var extended = await meeting.Session.ExtendPhaseAsync(meeting.Facilitator, 2);
        var resumed = await meeting.Session.ResumePhaseAsync(meeting.Facilitator);
        var shortened = await meeting.Session.ExtendPhaseAsync(meeting.Facilitator, -1);
        var bad = await Assert.ThrowsAsync<CopLiveException>(() => meeting.Session.ExtendPhaseAsync(meeting.Facilitator, 0));
        var byMember = await Assert.ThrowsAsync<CopLiveException>(() => meeting.Session.AdvancePhaseAsync(meeting.Member));

        Assert.Equal(Duration.FromMinutes(6), paused.Progress.Remaining);
        Assert.Equal(Duration.FromMinutes(8), extended.Progress.Remaining);
        Assert.Equal(fixture.Clock.GetCurrentInstant() + Duration.FromMinutes(8), resumed.Progress.Deadline);
        Assert.Equal(fixture.Clock.GetCurrentInstant() + Duration.FromMinutes(7), shortened.Progress.Deadline);
        Assert.Equal("minutes", bad.Field);
        Assert.Equal(CopLiveError.Forbidden, byMember.Code);
        Assert.Equal(shortened.Progress, (await meeting.Session.GetLiveAsync(meeting.Member)).Progress);
    }

    [Fact]
    public async Task Agenda_WithoutAutoAdvance_WaitsInOvertime()
    {
        var meeting = await MeetingAsync(autoAdvance: false);
        await meeting.Session.StartAsync(meeting.Facilitator);
        await meeting.Session.StartAgendaAsync(meeting.Facilitator);

        fixture.Clock.Advance(Duration.FromMinutes(11));
        var overtime = await Community.EventuallyAsync(() => meeting.Session.GetLiveAsync(meeting.Member), s => s.Progress.Status == AgendaStatus.Overtime);
        var advanced = await meeting.Session.AdvancePhaseAsync(meeting.Facilitator);

        Assert.Equal(0, overtime.Progress.Phase);
        Assert.Equal(1, advanced.Progress.Phase);
        Assert.Equal(AgendaStatus.Running, advanced.Progress.Status);
    }

    [Fact]
    public async Task Deadlines_SurviveReactivation_AndStillFire()
    {
        var meeting = await MeetingAsync();
        await meeting.Session.StartAsync(meeting.Facilitator);
        await meeting.Session.StartAgendaAsync(meeting.Facilitator);

        await fixture.DeactivateAllAsync();
        fixture.Clock.Advance(Duration.FromMinutes(31));
        var later = await Community.EventuallyAsync(() => meeting.Session.GetLiveAsync(meeting.Member), s => s.Progress.Phase == 2);

        Assert.Equal(AgendaStatus.Finished, later.Progress.Status);
    }

    [Fact]
    public async Task Presence_CountsAMemberOnce_AndAttendanceRecordsEveryStretch()
    {
        var meeting = await MeetingAsync();
        await meeting.Session.StartAsync(meeting.Facilitator);
        var joinedAt = fixture.Clock.GetCurrentInstant();

        await meeting.Session.JoinAsync(meeting.Member, "tab-1");
        var twoTabs = await meeting.Session.JoinAsync(meeting.Member, "tab-2");
        await meeting.Session.LeaveAsync(meeting.Member, "tab-1");
        await meeting.Session.LeaveAsync(meeting.Member, "tab-2");
        var leftAt = fixture.Clock.GetCurrentInstant();
        var withinGrace = await meeting.Session.GetLiveAsync(meeting.Facilitator);
        fixture.Clock.Advance(Attendance.ReconnectGrace + Duration.FromSeconds(1));
        var gone = await Community.EventuallyAsync(() => meeting.Session.GetLiveAsync(meeting.Facilitator), s => s.Present.Length == 0);
        await meeting.Session.JoinAsync(meeting.Member, "tab-3");
        var attendance = await meeting.Session.GetAttendanceAsync(meeting.Facilitator);

        Assert.Single(twoTabs.Present);
        Assert.Single(withinGrace.Present);
        Assert.Empty(gone.Present);
        Assert.Equal(2, attendance.Length);
        Assert.Equal((joinedAt, (Instant?)leftAt), (attendance[0].Joined, attendance[0].Left));
        Assert.Null(attendance[1].Left);
        Assert.Equal("Teacher", attendance[0].DisplayName);
    }

    [Fact]
    public async Task Reconnecting_WithinTheGrace_KeepsOneStretchOfAttendance()
    {
        var meeting = await MeetingAsync();
        await meeting.Session.StartAsync(meeting.Facilitator);

        await meeting.Session.JoinAsync(meeting.Member, "before-reload");
        await meeting.Session.LeaveAsync(meeting.Member, "before-reload");
        fixture.Clock.Advance(Duration.FromSeconds(3));
        await meeting.Session.JoinAsync(meeting.Member, "after-reload");

        var attendance = await meeting.Session.GetAttendanceAsync(meeting.Facilitator);
        Assert.Null(Assert.Single(attendance).Left);
    }

    [Fact]
    public async Task Ending_ClosesAttendance_KeepsItReadable_AndRefusesNewJoins()
    {
        var meeting = await MeetingAsync();
        await meeting.Session.StartAsync(meeting.Facilitator);
        await meeting.Session.JoinAsync(meeting.Member, "tab");
        fixture.Clock.Advance(Duration.FromMinutes(45));

        var ended = await meeting.Session.EndAsync(meeting.Facilitator, null);
        var join = await Assert.ThrowsAsync<CopLiveException>(() => meeting.Session.JoinAsync(meeting.Member, "late"));
        await fixture.DeactivateAllAsync();
        var attendance = await meeting.Session.GetAttendanceAsync(meeting.Member);

        Assert.Equal(SessionStatus.Ended, ended.Status);
        Assert.Equal(CopLiveError.Conflict, join.Code);
        Assert.Equal(fixture.Clock.GetCurrentInstant(), Assert.Single(attendance).Left);
        Assert.Empty((await Grains.GetCommunity(meeting.Community).GetUpcomingSessionsAsync(meeting.Member)).Sessions);
    }

    [Fact]
    public async Task Joining_BeforeTheStart_OrFromAnotherCommunity_IsRefused()
    {
        var meeting = await MeetingAsync();
        var other = await MeetingAsync();

        var early = await Assert.ThrowsAsync<CopLiveException>(() => meeting.Session.JoinAsync(meeting.Member, "tab"));
        await meeting.Session.StartAsync(meeting.Facilitator);
        var outsider = await Assert.ThrowsAsync<CopLiveException>(() => meeting.Session.JoinAsync(other.Member, "tab"));

        Assert.Equal(CopLiveError.Conflict, early.Code);
        Assert.Equal(CopLiveError.Forbidden, outsider.Code);
    }

    private async Task<Meeting> MeetingAsync(bool autoAdvance = true)
    {
        var community = CommunityId.New();
        var invites = await Grains.GetCommunity(community).CreateAsync(Caller.Admin, new NewCommunity("PLC", null, "UTC"));
        var facilitator = await Community.JoinAsync(Grains, community, invites.Facilitator, "Facilitator");
        var member = await Community.JoinAsync(Grains, community, invites.Member, "Teacher");
        var session = await Community.ScheduleAsync(Grains, fixture.Clock, community, facilitator, "Tuning protocol", 60,
            [new AgendaItem("Presenting", 10), new AgendaItem("Clarifying questions", 20, "Presenter listens")], autoAdvance);
        return new Meeting(community, session, facilitator, member);
    }

    private sealed record Meeting(CommunityId Community, ISessionGrain Session, Caller Facilitator, Caller Member);
}
