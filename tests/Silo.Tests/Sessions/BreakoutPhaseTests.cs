using CopLive.Collab.Text;
using CopLive.Grains.Documents;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Domain.Sessions;
using CopLive.Silo.Grains;
using CopLive.Silo.Tests.Fixtures;
using NodaTime;

namespace CopLive.Silo.Tests.Sessions;

/// <summary>
/// Agenda phases that are breakout phases, through the real session, room and document grains with a fake clock:
/// the round opens with the phase, its rooms start with the prompt, and it closes when the phase ends.
/// </summary>
[Collection(SqliteCluster.Name)]
public sealed class BreakoutPhaseTests(SqliteClusterFixture fixture)
{
    private const string Prompt = "Write warm and cool feedback on the focusing question.";
    private const string Rule = "The presenter listens silently.";

    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task EnteringABreakoutPhase_OpensItsRound_WithThePromptInEveryRoomsNotes()
    {
        var meeting = await MeetingAsync(present: 4);

        var started = await meeting.Session.StartAgendaAsync(meeting.Facilitator);
        var feedback = await meeting.Session.AdvancePhaseAsync(meeting.Facilitator);

        Assert.Null(started.Breakout);
        var round = Assert.IsType<BreakoutView>(feedback.Breakout);
        Assert.Equal(1, round.Phase);
        Assert.Equal(feedback.Progress.Deadline, round.Deadline);
        Assert.Equal([2, 2], round.Rooms.Select(r => r.Members.Length));
        foreach (var room in round.Rooms)
        {
            var notes = await Grains.GetDocumentInternal(room.Notes).GetTextWithAuthorsAsync();
            Assert.Equal($"Feedback\nPrompt: {Prompt}\nSpeaking rule: {Rule}\n\n", notes.Text);
        }
    }

    [Fact]
    public async Task WhenThePhaseEnds_ItsRoundCloses_AndOnlyWhatTheRoomsWroteComesBackToThePlan()
    {
        var meeting = await MeetingAsync(present: 4);
        await meeting.Session.StartAgendaAsync(meeting.Facilitator);
        var feedback = await meeting.Session.AdvancePhaseAsync(meeting.Facilitator);
        var (written, untouched) = (feedback.Breakout!.Rooms[0], feedback.Breakout.Rooms[1]);
        var writer = meeting.Members.First(m => written.Members.Contains(m.Member));
        var seeded = await Grains.GetDocumentInternal(written.Notes).GetTextWithAuthorsAsync();
        await Grains.GetDocument(written.Notes).SubmitAsync(writer, new OpSubmission(
            "tab", 1, seeded.Version, TextOpJson.Parse($"[{CodePoints.Count(seeded.Text)}, \"Warm: clear goals\"]")));

        fixture.Clock.Advance(Duration.FromMinutes(10) + Duration.FromSeconds(1));
        var after = await Community.EventuallyAsync(() => meeting.Session.GetLiveAsync(meeting.Facilitator), s => s.Breakout is null);
        var plan = await Grains.GetDocumentInternal(after.MainDocument).GetTextWithAuthorsAsync();

        Assert.Equal(2, after.Progress.Phase);
        Assert.Equal(1, after.RoundsClosed);
        Assert.Contains($"## {written.Name}: notes by {meeting.Names[writer.Member]}\n\nWarm: clear goals\n", plan.Text);
        Assert.DoesNotContain(Prompt, plan.Text);
        Assert.DoesNotContain($"## {untouched.Name}", plan.Text);
    }

    [Fact]
    public async Task ExtendingAPhasesRound_ExtendsThePhase_AndAPausedPhaseKeepsItsRoundOpenPastTheDeadline()
    {
        var meeting = await MeetingAsync(present: 2);
        await meeting.Session.StartAgendaAsync(meeting.Facilitator);
        var feedback = await meeting.Session.AdvancePhaseAsync(meeting.Facilitator);

        var extended = await meeting.Session.ExtendRoundAsync(meeting.Facilitator, 5);
        await meeting.Session.PausePhaseAsync(meeting.Facilitator);
        var later = await AfterATickAsync(meeting, Duration.FromMinutes(30));
        var resumed = await meeting.Session.ResumePhaseAsync(meeting.Facilitator);

        Assert.Equal(feedback.Progress.Deadline + Duration.FromMinutes(5), extended.Progress.Deadline);
        Assert.Equal(extended.Progress.Deadline, extended.Breakout!.Deadline);
        Assert.Equal(AgendaStatus.Paused, later.Progress.Status);
        Assert.Equal(feedback.Breakout!.Round, later.Breakout?.Round);
        Assert.Equal(resumed.Progress.Deadline, resumed.Breakout!.Deadline);
        Assert.Equal(fixture.Clock.GetCurrentInstant() + Duration.FromMinutes(15), resumed.Breakout.Deadline);
    }

    [Fact]
    public async Task ARoundOpenedByHand_GivesWayToThePhasesRound_AndAPhaseRoundClosedByHandStaysClosed()
    {
        var meeting = await MeetingAsync(present: 3);
        await meeting.Session.StartAgendaAsync(meeting.Facilitator);
        var byHand = await meeting.Session.OpenBreakoutsAsync(meeting.Facilitator, new BreakoutSpec(3, [], BreakoutMode.Auto, 30, []));

        var feedback = await meeting.Session.AdvancePhaseAsync(meeting.Facilitator);
        var closed = await meeting.Session.CloseRoundAsync(meeting.Facilitator);
        var later = await AfterATickAsync(meeting, Duration.Zero);

        Assert.Null(byHand.Breakout!.Phase);
        Assert.NotEqual(byHand.Breakout.Round, feedback.Breakout!.Round);
        Assert.Equal(1, feedback.Breakout.Phase);
        Assert.Equal(1, feedback.RoundsClosed);
        Assert.Null(closed.Breakout);
        Assert.Equal(1, later.Progress.Phase);
        Assert.Null(later.Breakout);
    }

    [Fact]
    public async Task ABreakoutPhaseWithMoreRoomsThanMembers_OpensOnePerMember_AndWithNobodyThereNone()
    {
        var few = await MeetingAsync(present: 1);
        var empty = await MeetingAsync(present: 0);
        await few.Session.StartAgendaAsync(few.Facilitator);
        await empty.Session.StartAgendaAsync(empty.Facilitator);

        var one = await few.Session.AdvancePhaseAsync(few.Facilitator);
        var none = await empty.Session.AdvancePhaseAsync(empty.Facilitator);

        Assert.Single(one.Breakout!.Rooms);
        Assert.Equal(1, none.Progress.Phase);
        Assert.Null(none.Breakout);
    }

    /// <summary>
    /// The session after the clock moved by <paramref name="wait"/> and at least one tick ran on the new time: the
    /// facilitator's tab closes first, and a tick is what ends their presence once the grace is over.
    /// </summary>
    private async Task<SessionLive> AfterATickAsync(Meeting meeting, Duration wait)
    {
        await meeting.Session.LeaveAsync(meeting.Facilitator, "facilitator-tab");
        fixture.Clock.Advance(Duration.Max(wait, Attendance.ReconnectGrace + Duration.FromSeconds(1)));
        return await Community.EventuallyAsync(
            () => meeting.Session.GetLiveAsync(meeting.Facilitator), s => s.Present.All(p => p.Member != meeting.Facilitator.Member));
    }

    private async Task<Meeting> MeetingAsync(int present)
    {
        var (community, invites) = await Community.CreateAsync(Grains);
        var facilitator = await Community.JoinAsync(Grains, community, invites.Facilitator, "Facilitator");
        var members = new List<Caller>();
        var names = new Dictionary<MemberId, string>();
        for (var i = 0; i < Math.Max(present, 1); i++)
        {
            var member = await Community.JoinAsync(Grains, community, invites.Member, $"Teacher {i}");
            members.Add(member);
            names[member.Member] = $"Teacher {i}";
        }
        var session = await Community.ScheduleAsync(Grains, fixture.Clock, community, facilitator, "Tuning", 60,
            [
                new AgendaItem("Presentation", 10),
                new AgendaItem("Feedback", 10, Rule, Prompt, new PhaseBreakout(2)),
                new AgendaItem("Reflection", 10),
            ]);
        await session.StartAsync(facilitator);
        await session.JoinAsync(facilitator, "facilitator-tab");
        for (var i = 0; i < present; i++)
        {
            await session.JoinAsync(members[i], $"tab-{i}");
        }
        return new Meeting(session, facilitator, members, names);
    }

    private sealed record Meeting(ISessionGrain Session, Caller Facilitator, IReadOnlyList<Caller> Members, IReadOnlyDictionary<MemberId, string> Names);
}
