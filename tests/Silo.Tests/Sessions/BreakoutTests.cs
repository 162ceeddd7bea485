using CopLive.Collab.Text;
using CopLive.Grains.Communities;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Invites;
using CopLive.Grains.Rooms;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using CopLive.Silo.Tests.Fixtures;
using NodaTime;
using CopLive.Silo.Grains;

namespace CopLive.Silo.Tests.Sessions;

/// <summary>Breakout rounds through the real session, room and document grains, with a fake clock.</summary>
[Collection(SqliteCluster.Name)]
public sealed class BreakoutTests(SqliteClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task AutoRound_BalancesRooms_AndSendsLateJoinersToTheSmallest()
    {
        var meeting = await MeetingAsync(members: 7, present: 6);

        var opened = await meeting.Session.OpenBreakoutsAsync(meeting.Facilitator, Spec(rooms: 3));
        var late = await meeting.Session.JoinAsync(meeting.Members[6], "late-tab");

        Assert.Equal([2, 2, 2], opened.Breakout!.Rooms.Select(r => r.Members.Length));
        Assert.Equal([3, 2, 2], late.Breakout!.Rooms.Select(r => r.Members.Length));
        Assert.Equal(7, late.Breakout.Rooms.SelectMany(r => r.Members).Distinct().Count());
        Assert.Equal(fixture.Clock.GetCurrentInstant() + Duration.FromMinutes(15), opened.Breakout.Deadline);
    }

    [Fact]
    public async Task ManualRound_PlacesMembersWhereTheFacilitatorSays()
    {
        var meeting = await MeetingAsync(members: 3, present: 3);

        var badRoom = await Assert.ThrowsAsync<CopLiveException>(() => meeting.Session.OpenBreakoutsAsync(meeting.Facilitator,
            Spec(rooms: 2) with { Mode = BreakoutMode.Manual, Assignments = [new RoomAssignment(meeting.Members[0].Member, 5)] }));
        var opened = await meeting.Session.OpenBreakoutsAsync(meeting.Facilitator, Spec(rooms: 2) with
        {
            Mode = BreakoutMode.Manual,
            Assignments = [new RoomAssignment(meeting.Members[0].Member, 1), new RoomAssignment(meeting.Members[1].Member, 1), new RoomAssignment(meeting.Members[2].Member, 0)],
        });

        Assert.Equal("assignments[0].room", badRoom.Field);
        Assert.Equal([meeting.Members[2].Member], opened.Breakout!.Rooms[0].Members.ToArray());
        Assert.Equal(new[] { meeting.Members[0].Member, meeting.Members[1].Member }.OrderBy(m => m.Value), opened.Breakout.Rooms[1].Members.OrderBy(m => m.Value));
    }

    [Fact]
    public async Task SelfSelectRound_LetsMembersChoose_ButNotInOtherModes()
    {
        var meeting = await MeetingAsync(members: 2, present: 2);
        var opened = await meeting.Session.OpenBreakoutsAsync(meeting.Facilitator, Spec(rooms: 2) with { Mode = BreakoutMode.Self });

        var chosen = await meeting.Session.ChooseRoomAsync(meeting.Members[0], opened.Breakout!.Rooms[1].Room);
        var changed = await meeting.Session.ChooseRoomAsync(meeting.Members[0], opened.Breakout.Rooms[0].Room);
        await meeting.Session.CloseRoundAsync(meeting.Facilitator);
        var auto = await meeting.Session.OpenBreakoutsAsync(meeting.Facilitator, Spec(rooms: 2));
        var refused = await Assert.ThrowsAsync<CopLiveException>(() => meeting.Session.ChooseRoomAsync(meeting.Members[0], auto.Breakout!.Rooms[0].Room));

        Assert.All(opened.Breakout.Rooms, r => Assert.Empty(r.Members));
        Assert.Equal([meeting.Members[0].Member], chosen.Breakout!.Rooms[1].Members.ToArray());
        Assert.Empty(changed.Breakout!.Rooms[1].Members);
        Assert.Equal([meeting.Members[0].Member], changed.Breakout.Rooms[0].Members.ToArray());
        Assert.Equal(CopLiveError.Forbidden, refused.Code);
    }

    [Fact]
    public async Task EndingTheSession_ClosesAnOpenRound_AndMergesItsNotes()
    {
        var meeting = await MeetingAsync(members: 2, present: 2);
        var opened = await meeting.Session.OpenBreakoutsAsync(meeting.Facilitator, Spec(rooms: 1));
        await Grains.GetDocument(opened.Breakout!.Rooms[0].Notes).SubmitAsync(meeting.Members[0], new OpSubmission("tab", 1, 0, TextOpJson.Parse("[\"A plan\"]")));

        var ended = await meeting.Session.EndAsync(meeting.Facilitator, null);
        var plan = await Grains.GetDocumentInternal(opened.MainDocument).GetTextWithAuthorsAsync();

        Assert.Null(ended.Breakout);
        Assert.Contains("## Room 1: notes by Teacher 0\n\nA plan\n", plan.Text);
        Assert.True((await Grains.GetRoom(opened.Breakout.Rooms[0].Room).GetAsync(meeting.Members[1])).Closed);
    }

    [Fact]
    public async Task WrongUse_IsRefused_AndChangesNothing()
    {
        var meeting = await MeetingAsync(members: 2, present: 2);

        var byMember = await Assert.ThrowsAsync<CopLiveException>(() => meeting.Session.OpenBreakoutsAsync(meeting.Members[0], Spec(rooms: 2)));
        var tooMany = await Assert.ThrowsAsync<CopLiveException>(() => meeting.Session.OpenBreakoutsAsync(meeting.Facilitator, Spec(rooms: 3)));
        var noMinutes = await Assert.ThrowsAsync<CopLiveException>(() => meeting.Session.OpenBreakoutsAsync(meeting.Facilitator, Spec(rooms: 2) with { Minutes = 0 }));
        var opened = await meeting.Session.OpenBreakoutsAsync(meeting.Facilitator, Spec(rooms: 2));
        var second = await Assert.ThrowsAsync<CopLiveException>(() => meeting.Session.OpenBreakoutsAsync(meeting.Facilitator, Spec(rooms: 1)));
        var stranger = await Assert.ThrowsAsync<CopLiveException>(() =>
            meeting.Session.MoveMemberAsync(meeting.Facilitator, MemberId.New(), opened.Breakout!.Rooms[0].Room));
        var unknownRoom = await Assert.ThrowsAsync<CopLiveException>(() =>
            meeting.Session.MoveMemberAsync(meeting.Facilitator, meeting.Members[0].Member, RoomId.New()));
        var after = await meeting.Session.GetLiveAsync(meeting.Facilitator);

        Assert.Equal(CopLiveError.Forbidden, byMember.Code);
        Assert.Equal(("rooms", CopLiveError.InvalidArgument), (tooMany.Field, tooMany.Code));
        Assert.Equal("minutes", noMinutes.Field);
        Assert.Equal(CopLiveError.Conflict, second.Code);
        Assert.Equal("member", stranger.Field);
        Assert.Equal("room", unknownRoom.Field);
        Assert.Equal(opened.Breakout!.Rooms.Select(r => r.Members.Length), after.Breakout!.Rooms.Select(r => r.Members.Length));
    }

    [Fact]
    public async Task MoveMember_PutsThemInExactlyOneRoom()
    {
        var meeting = await MeetingAsync(members: 4, present: 4);
        var opened = await meeting.Session.OpenBreakoutsAsync(meeting.Facilitator, Spec(rooms: 2));
        var mover = opened.Breakout!.Rooms[0].Members[0];

        var moved = await meeting.Session.MoveMemberAsync(meeting.Facilitator, mover, opened.Breakout.Rooms[1].Room);
        var from = await Grains.GetRoom(opened.Breakout.Rooms[0].Room).GetAsync(meeting.Facilitator);
        var to = await Grains.GetRoom(opened.Breakout.Rooms[1].Room).GetAsync(meeting.Facilitator);

        Assert.Single(moved.Breakout!.Rooms, r => r.Members.Contains(mover));
        Assert.DoesNotContain(mover, from.Members);
        Assert.Contains(mover, to.Members);
    }

    [Fact]
    public async Task ClosingAtTheDeadline_MergesEachRoomsNotesWithAuthors_OnceOnly_AndBringsEveryoneBack()
    {
        var meeting = await MeetingAsync(members: 4, present: 4);
        var opened = await meeting.Session.OpenBreakoutsAsync(meeting.Facilitator, Spec(rooms: 2, names: ["Fractions", "Décimales 😀"]));
        var names = meeting.Names;
        foreach (var room in opened.Breakout!.Rooms)
        {
            var writer = Caller.ForMember(room.Members[0]);
            await Grains.GetDocument(room.Notes).SubmitAsync(writer, new OpSubmission("tab", 1, 0, TextOpJson.Parse($"[\"Idea from {names[room.Members[0]]} é\\n\"]")));
        }
        var before = (await Grains.GetDocumentInternal(opened.MainDocument).GetTextWithAuthorsAsync()).Text;

        fixture.Clock.Advance(Duration.FromMinutes(16));
        var back = await Community.EventuallyAsync(() => meeting.Session.GetLiveAsync(meeting.Facilitator), s => s.Breakout is null);
        var plan = await Grains.GetDocumentInternal(opened.MainDocument).GetTextWithAuthorsAsync();
        var closeAgain = await Assert.ThrowsAsync<CopLiveException>(() => meeting.Session.CloseRoundAsync(meeting.Facilitator));

        Assert.Equal(1, back.RoundsClosed);
        Assert.StartsWith(before, plan.Text);
        foreach (var room in opened.Breakout.Rooms)
        {
            var writer = names[room.Members[0]];
            var heading = $"## {room.Name}: notes by {writer}";
            Assert.Equal(1, Occurrences(plan.Text, heading));
            var notes = $"Idea from {writer} é\n";
            var start = CodePoints.Count(plan.Text.AsSpan(0, plan.Text.IndexOf(notes, StringComparison.Ordinal)));
            Assert.All(AuthorsOf(plan, start, CodePoints.Count(notes)), a => Assert.Equal(room.Members[0], a));
            var closed = await Grains.GetRoom(room.Room).GetAsync(meeting.Members[3]);
            Assert.True(closed.Closed);
        }
        Assert.Equal(CopLiveError.Conflict, closeAgain.Code);

        // A repeated merge (a close resumed after a crash) appends nothing.
        var version = plan.Version;
        await Grains.GetDocumentInternal(opened.MainDocument).AppendSectionAsync($"{opened.Breakout.Round:N}:0", "duplicate", [new AuthorSpan(default, 9)]);
        Assert.Equal(version, (await Grains.GetDocumentInternal(opened.MainDocument).GetTextWithAuthorsAsync()).Version);
    }

    [Fact]
    public async Task Rooms_HaveChatHandsAndAHelpQueue_ThatClosesWithTheRoom()
    {
        var meeting = await MeetingAsync(members: 2, present: 2);
        var opened = await meeting.Session.OpenBreakoutsAsync(meeting.Facilitator, Spec(rooms: 1));
        var room = Grains.GetRoom(opened.Breakout!.Rooms[0].Room);
        var member = meeting.Members[0];

        var warmUp = Guid.NewGuid();
        await room.SendChatAsync(member, "Should we start with the warm-up? 🤔", warmUp);
        // Sent again after a lost reply: the same message, posted once.
        await room.SendChatAsync(member, "Should we start with the warm-up? 🤔", warmUp);
        var noId = await Assert.ThrowsAsync<CopLiveException>(() => room.SendChatAsync(member, "hello", Guid.Empty));
        var empty = await Assert.ThrowsAsync<CopLiveException>(() => room.SendChatAsync(member, "   ", Guid.NewGuid()));
        var tooLong = await Assert.ThrowsAsync<CopLiveException>(() => room.SendChatAsync(member, new string('x', 2_001), Guid.NewGuid()));
        await room.SetHandAsync(meeting.Members[1], true);
        var hands = await room.SetHandAsync(member, true);
        var asked = await room.AskForHelpAsync(member, "We are stuck on the rubric");
        var request = Assert.Single(asked.Help).Id;
        var memberClaim = await Assert.ThrowsAsync<CopLiveException>(() => room.ClaimHelpAsync(meeting.Members[1], request));
        var claimed = await room.ClaimHelpAsync(meeting.Facilitator, request);
        await meeting.Session.BroadcastToRoomsAsync(meeting.Facilitator, "Two minutes left");
        await room.AskForHelpAsync(meeting.Members[1], null);
        await meeting.Session.CloseRoundAsync(meeting.Facilitator);
        var afterwards = await room.GetAsync(meeting.Members[1]);

        Assert.Equal(("text", "text", "messageId"), (empty.Field, tooLong.Field, noId.Field));
        Assert.Equal(CopLiveError.Forbidden, memberClaim.Code);
        Assert.Equal([meeting.Members[1].Member, member.Member], hands.Hands.Select(h => h.Member));
        Assert.Empty(afterwards.Hands);
        Assert.Equal(HelpStatus.Claimed, claimed.Help[0].Status);
        Assert.Equal("Facilitator", claimed.Help[0].ClaimedByName);
        Assert.True(afterwards.Closed);
        Assert.All(afterwards.Help, h => Assert.Equal(HelpStatus.Resolved, h.Status));
        Assert.Equal(["Should we start with the warm-up? 🤔", "Two minutes left"], afterwards.Chat.Select(c => c.Text));
        Assert.True(afterwards.Chat[1].Broadcast);
        await Assert.ThrowsAsync<CopLiveException>(() => room.SendChatAsync(member, "too late", Guid.NewGuid()));
    }

    [Fact]
    public async Task ARound_SurvivesReactivation_AndStillClosesAtItsDeadline()
    {
        var meeting = await MeetingAsync(members: 2, present: 2);
        var opened = await meeting.Session.OpenBreakoutsAsync(meeting.Facilitator, Spec(rooms: 2));

        await fixture.DeactivateAllAsync();
        var reloaded = await meeting.Session.GetLiveAsync(meeting.Facilitator);
        fixture.Clock.Advance(Duration.FromMinutes(20));
        var closed = await Community.EventuallyAsync(() => meeting.Session.GetLiveAsync(meeting.Facilitator), s => s.Breakout is null);

        Assert.Equal(opened.Breakout!.Deadline, reloaded.Breakout!.Deadline);
        Assert.Equal(opened.Breakout.Rooms.Select(r => r.Members.Length), reloaded.Breakout.Rooms.Select(r => r.Members.Length));
        Assert.Equal(1, closed.RoundsClosed);
    }

    private static BreakoutSpec Spec(int rooms, string[]? names = null) =>
        new(rooms, names is null ? [] : [.. names], BreakoutMode.Auto, 15, []);

    private static IEnumerable<MemberId> AuthorsOf(AuthoredText text, int start, int length)
    {
        var position = 0;
        foreach (var span in text.Authors)
        {
            for (var i = 0; i < span.Length; i++, position++)
            {
                if (position >= start && position < start + length)
                {
                    yield return span.Author;
                }
            }
        }
    }

    private static int Occurrences(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;

    private async Task<Meeting> MeetingAsync(int members, int present)
    {
        var community = CommunityId.New();
        var invites = await Grains.GetCommunity(community).CreateAsync(Caller.Admin, new NewCommunity("PLC", null, "UTC"));
        var facilitator = await Community.JoinAsync(Grains, community, invites.Facilitator, "Facilitator");
        var callers = new List<Caller>();
        var names = new Dictionary<MemberId, string>();
        for (var i = 0; i < members; i++)
        {
            var caller = await Community.JoinAsync(Grains, community, invites.Member, $"Teacher {i}");
            callers.Add(caller);
            names[caller.Member] = $"Teacher {i}";
        }
        var session = await Community.ScheduleAsync(Grains, fixture.Clock, community, facilitator, "Lesson study", 90, [new AgendaItem("Breakouts", 30)]);
        await session.StartAsync(facilitator);
        await session.JoinAsync(facilitator, "facilitator-tab");
        for (var i = 0; i < present; i++)
        {
            await session.JoinAsync(callers[i], $"tab-{i}");
        }
        return new Meeting(session, facilitator, callers, names);
    }

    private sealed record Meeting(ISessionGrain Session, Caller Facilitator, IReadOnlyList<Caller> Members, IReadOnlyDictionary<MemberId, string> Names);
}
