using CopLive.Collab.Text;
using CopLive.Grains.Communities;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Tests.Fixtures;
using NodaTime;

namespace CopLive.Silo.Tests.Sessions;

/// <summary>Muting in a session and locking documents, through the real grains.</summary>
[Collection(SqliteCluster.Name)]
public sealed class ModerationTests(SqliteClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task MutedMember_CannotEditOrChat_ButCanRaiseAHandAndAskForHelp_UntilUnmuted()
    {
        var m = await MeetingAsync();
        var plan = Grains.GetDocument(m.Live.MainDocument);
        var room = Grains.GetRoom(m.Live.MainRoom);

        var muted = await m.Session.MuteAsync(m.Facilitator, m.Member.Member, true, "Off-topic");
        var edit = await Assert.ThrowsAsync<CopLiveException>(() => plan.SubmitAsync(m.Member, Op("tab", 1, "muted?")));
        var chat = await Assert.ThrowsAsync<CopLiveException>(() => room.SendChatAsync(m.Member, "hello", Guid.NewGuid()));
        await room.SetHandAsync(m.Member, true);
        await room.AskForHelpAsync(m.Member, "May I speak?");
        await fixture.DeactivateAllAsync();
        var stillMuted = await Assert.ThrowsAsync<CopLiveException>(() => plan.SubmitAsync(m.Member, Op("tab", 2, "after restart")));
        await m.Session.MuteAsync(m.Facilitator, m.Member.Member, false, null);
        var version = await plan.SubmitAsync(m.Member, Op("tab", 3, "thanks"));
        var audit = await Grains.GetCommunity(m.Community).GetAuditAsync(m.Member, null, 50);

        Assert.Equal([m.Member.Member], muted.Muted.ToArray());
        Assert.Equal(CopLiveError.Forbidden, edit.Code);
        Assert.Equal(CopLiveError.Forbidden, chat.Code);
        Assert.Equal(CopLiveError.Forbidden, stillMuted.Code);
        Assert.Equal(1, version);
        Assert.Contains(audit, a => a.Action == "member.muted" && a.Reason == "Off-topic");
        Assert.Contains(audit, a => a.Action == "member.unmuted");
    }

    [Fact]
    public async Task OnlyFacilitators_Mute_AndNeverSomeoneOfTheirOwnRank()
    {
        var m = await MeetingAsync();

        var byMember = await Assert.ThrowsAsync<CopLiveException>(() => m.Session.MuteAsync(m.Member, m.Facilitator.Member, true, null));
        var peer = await Assert.ThrowsAsync<CopLiveException>(() => m.Session.MuteAsync(m.Facilitator, m.OtherFacilitator.Member, true, null));
        var stranger = await Assert.ThrowsAsync<CopLiveException>(() => m.Session.MuteAsync(m.Facilitator, MemberId.New(), true, null));

        Assert.Equal(CopLiveError.Forbidden, byMember.Code);
        Assert.Equal(CopLiveError.Forbidden, peer.Code);
        Assert.Equal("member", stranger.Field);
        Assert.Empty((await m.Session.GetLiveAsync(m.Facilitator)).Muted.ToArray());
    }

    [Fact]
    public async Task MutingDuringARound_ReachesTheRoomsAndTheirNotes_AndNewRoomsToo()
    {
        var m = await MeetingAsync();
        await m.Session.MuteAsync(m.Facilitator, m.Member.Member, true, null);

        var round = await m.Session.OpenBreakoutsAsync(m.Facilitator, new BreakoutSpec(1, [], BreakoutMode.Auto, 10, []));
        var notes = round.Breakout!.Rooms[0].Notes;
        var edit = await Assert.ThrowsAsync<CopLiveException>(() => Grains.GetDocument(notes).SubmitAsync(m.Member, Op("tab", 1, "x")));
        var chat = await Assert.ThrowsAsync<CopLiveException>(() => Grains.GetRoom(round.Breakout.Rooms[0].Room).SendChatAsync(m.Member, "x", Guid.NewGuid()));

        Assert.Equal(CopLiveError.Forbidden, edit.Code);
        Assert.Equal(CopLiveError.Forbidden, chat.Code);
    }

    [Fact]
    public async Task RemovedMember_LeavesEveryRoomAtOnce_AndCannotRejoinTheSessionOrTakePartInItsMainRoom()
    {
        var m = await MeetingAsync();
        var round = await m.Session.OpenBreakoutsAsync(m.Facilitator, new BreakoutSpec(1, [], BreakoutMode.Auto, 10, []));
        var room = round.Breakout!.Rooms[0].Room;

        var peer = await Assert.ThrowsAsync<CopLiveException>(() => m.Session.RemoveAsync(m.Facilitator, m.OtherFacilitator.Member, null));
        var removed = await m.Session.RemoveAsync(m.Facilitator, m.Member.Member, "Disrupting the protocol");
        var rejoin = await Assert.ThrowsAsync<CopLiveException>(() => m.Session.JoinAsync(m.Member, "new-tab"));
        var mainRoom = Grains.GetRoom(removed.MainRoom);
        var chat = await Assert.ThrowsAsync<CopLiveException>(() => mainRoom.SendChatAsync(m.Member, "Still here?", Guid.NewGuid()));
        var hand = await Assert.ThrowsAsync<CopLiveException>(() => mainRoom.SetHandAsync(m.Member, true));
        var inRoom = await Grains.GetRoom(room).GetAsync(m.Facilitator);
        var attendance = await m.Session.GetAttendanceAsync(m.Facilitator);
        var audit = await Grains.GetCommunity(m.Community).GetAuditAsync(m.Facilitator, null, 50);

        Assert.Equal(CopLiveError.Forbidden, peer.Code);
        Assert.DoesNotContain(removed.Present, p => p.Member == m.Member.Member);
        Assert.Empty(removed.Breakout!.Rooms[0].Members);
        Assert.Empty(inRoom.Members);
        Assert.Equal(CopLiveError.Forbidden, rejoin.Code);
        Assert.Equal((CopLiveError.Forbidden, CopLiveError.Forbidden), (chat.Code, hand.Code));
        Assert.NotNull(Assert.Single(attendance, a => a.Member == m.Member.Member).Left);
        Assert.Contains(audit, a => a.Action == "member.removed" && a.Reason == "Disrupting the protocol");
    }

    [Fact]
    public async Task RefusedPrivilegedCalls_AreRecordedInTheAuditLog()
    {
        var m = await MeetingAsync();

        await Assert.ThrowsAsync<CopLiveException>(() => m.Session.StartAgendaAsync(m.Member));
        await Assert.ThrowsAsync<CopLiveException>(() => Grains.GetDocument(m.Live.MainDocument).SetLockedAsync(m.Member, true, null));
        var audit = await Grains.GetCommunity(m.Community).GetAuditAsync(m.Facilitator, null, 50);

        Assert.Contains(audit, a => a.Action == AuditActions.AgendaStarted && a.Outcome == AuditOutcomes.Refused && a.ActorName == "Teacher");
        Assert.Contains(audit, a => a.Action == AuditActions.DocumentLocked && a.Outcome == AuditOutcomes.Refused);
    }

    [Fact]
    public async Task LockedDocument_IsReadOnlyForMembers_ButNotForFacilitators()
    {
        var m = await MeetingAsync();
        var plan = Grains.GetDocument(m.Live.MainDocument);

        var byMember = await Assert.ThrowsAsync<CopLiveException>(() => plan.SetLockedAsync(m.Member, true, null));
        var locked = await plan.SetLockedAsync(m.Facilitator, true, "Final version");
        var memberEdit = await Assert.ThrowsAsync<CopLiveException>(() => plan.SubmitAsync(m.Member, Op("tab", 1, "x")));
        var facilitatorEdit = await plan.SubmitAsync(m.Facilitator, Op("f", 1, "Approved. "));
        await fixture.DeactivateAllAsync();
        var stillLocked = await plan.OpenAsync(m.Member);
        await plan.SetLockedAsync(m.Facilitator, false, null);
        var memberAgain = await plan.SubmitAsync(m.Member, Op("tab", 2, "x"));

        Assert.Equal(CopLiveError.Forbidden, byMember.Code);
        Assert.True(locked.Locked);
        Assert.Equal(CopLiveError.Forbidden, memberEdit.Code);
        Assert.Equal(1, facilitatorEdit);
        Assert.True(stillLocked.Document.Locked);
        Assert.Equal(2, memberAgain);
        var audit = await Grains.GetCommunity(m.Community).GetAuditAsync(Caller.Admin, null, 50);
        Assert.Contains(audit, a => a.Action == "document.locked" && a.Reason == "Final version");
    }

    private static OpSubmission Op(string client, long seq, string text) => new(client, seq, 0, TextOp.Create(OpComponent.Insert(text)));

    private async Task<Moderated> MeetingAsync()
    {
        var (community, invites) = await Community.CreateAsync(Grains);
        var facilitator = await Community.JoinAsync(Grains, community, invites.Facilitator, "Facilitator");
        var other = await Community.JoinAsync(Grains, community, invites.Facilitator, "Co-facilitator");
        var member = await Community.JoinAsync(Grains, community, invites.Member, "Teacher");
        var session = await Community.ScheduleAsync(Grains, fixture.Clock, community, facilitator);
        await session.StartAsync(facilitator);
        await session.JoinAsync(member, "tab");
        var live = await session.JoinAsync(facilitator, "f-tab");
        return new Moderated(community, session, live, facilitator, other, member);
    }

    private sealed record Moderated(CommunityId Community, ISessionGrain Session, SessionLive Live, Caller Facilitator, Caller OtherFacilitator, Caller Member);
}
