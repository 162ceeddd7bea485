using System.Collections.Concurrent;
using System.Net;
using CopLive.Client.Admin;
using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.GatewayHarness;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Errors;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Moderation;
using CopLive.Protocol.Rooms;
using CopLive.Protocol.Sessions;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.Gateway.Tests.Live;

/// <summary>The moderators' console hub: what it shows, to whom, and what its actions do — over real Kestrel and SignalR.</summary>
[Collection(SharedGateway.Name)]
public sealed class AdminHubTests(GatewayFixture gateway)
{
    private ApiClient Api => gateway.Api;

    [Fact]
    public async Task AdminConsole_SeesALiveSessionChangeAndModeratesIt_EachActionAudited()
    {
        var meeting = await MeetingAsync();
        await using var console = new AdminConnection(Api.BaseAddress, GatewayFixture.AdminKey);
        var boards = new ConcurrentQueue<SessionBoard>();
        console.SessionBoardChanged += boards.Enqueue;
        var pulses = new ConcurrentQueue<Pulse>();
        console.PulseReceived += pulses.Enqueue;
        await console.StartAsync();
        var board = await console.OpenBoardAsync();

        Assert.True(board.Moderator.IsAdmin);
        Assert.Contains(board.Communities, c => c.CommunityId == meeting.Community && c.Members == 3 && c.SessionsScheduled == 1);
        Assert.Equal(SessionStatus.Scheduled, Assert.Single(board.Sessions, s => s.SessionId == meeting.Session).Status);

        await meeting.Facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.StartSession), meeting.Session.ToString());
        foreach (var teacher in meeting.Teachers)
        {
            await teacher.InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), meeting.Session.ToString());
        }
        await meeting.Facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.StartAgenda), meeting.Session.ToString());
        var live = await Eventually.ReadAsync(() => Latest(boards, meeting.Session) is { Status: SessionStatus.Live, Online: 2, Phase: "Presenting" } b ? b : null);
        var mainRoom = Assert.Single(live.Rooms);
        Assert.Equal(3, live.Expected);
        Assert.Equal(AgendaStatus.Running, live.PhaseStatus);
        Assert.NotNull(live.PhaseDeadline);

        await meeting.Teachers[0].InvokeAsync<RoomState>(nameof(ILiveHub.SetHand), mainRoom.RoomId.ToString(), true);
        await meeting.Teachers[1].InvokeAsync<RoomState>(nameof(ILiveHub.AskForHelp), mainRoom.RoomId.ToString(), "We are stuck on the rubric");
        var asking = await Eventually.ReadAsync(() => Latest(boards, meeting.Session) is { Help.Count: 1 } b && b.Members.Any(m => m.HandRaised) ? b : null);
        var help = Assert.Single(asking.Help);
        Assert.Equal("Teacher 1", help.Member);
        Assert.Equal(HelpStatus.Open, help.Status);
        Assert.Equal(1, Assert.Single(asking.Rooms).HelpOpen);
        Assert.Equal("Teacher 0", Assert.Single(asking.Members, m => m.HandRaised).Name);

        await console.ClaimHelpAsync(help.RoomId, help.RequestId);
        await console.MuteAsync(meeting.Session, meeting.TeacherIds[0], true, "talking over others");
        await console.ExtendPhaseAsync(meeting.Session, 5);
        await console.BroadcastAsync(meeting.Session, "Five more minutes, everyone");
        var moderated = await Eventually.ReadAsync(() => Latest(boards, meeting.Session) is { } b && b.Members.Any(m => m.Muted) && b.Help.Count > 0 && b.Help.All(h => h.Status == HelpStatus.Claimed) ? b : null);
        Assert.Equal("Teacher 0", Assert.Single(moderated.Members, m => m.Muted).Name);
        Assert.Equal("admin", Assert.Single(moderated.Help).ClaimedBy);

        // The mute is the grains' decision: the teacher's next edit is refused.
        var plan = await SharedDocument.OpenAsync(meeting.Teachers[0], live.MainDocumentId);
        var refused = await Assert.ThrowsAsync<HubException>(() => meeting.Teachers[0].InvokeAsync<SubmitReply>(nameof(ILiveHub.SubmitOp), live.MainDocumentId.ToString(), "muted-client", 1L, plan.Version, TextOp.Create(OpComponent.Insert("hi"))));
        Assert.Equal(RefusalCode.Forbidden, HubError.Code(refused));

        var audit = await console.GetAuditAsync(meeting.Community, 50);
        Assert.Contains(audit, a => a.Action == "member.muted" && a.Actor == "admin" && a.Target == "Teacher 0" && a.Reason == "talking over others");
        Assert.Contains(audit, a => a.Action == "help.claimed" && a.Actor == "admin" && a.Target == "Teacher 1");
        Assert.Contains(audit, a => a.Action == "phase.extended" && a.Actor == "admin");
        Assert.Contains(audit, a => a.Action == "rooms.broadcast" && a.Detail!.Contains("Five more minutes"));

        await console.EndSessionAsync(meeting.Session, "the bell rang");
        await Eventually.ReadAsync(() => Latest(boards, meeting.Session) is { Status: SessionStatus.Ended } b ? b : null);
        Assert.Contains(await console.GetAuditAsync(null, 200), a => a.Action == "session.ended" && a.Reason == "the bell rang");
        var pulse = await Eventually.ReadAsync(() => pulses.LastOrDefault(p => p.Connections >= 3));
        Assert.True(pulse.Communities >= 1);
        await meeting.DisposeAsync();
    }

    [Fact]
    public async Task FacilitatorConsole_SeesOnlyTheirCommunities_AndMembersAndStrangersAreTurnedAway()
    {
        var meeting = await MeetingAsync();
        var other = await MeetingAsync();

        await using var facilitator = new AdminConnection(Api.BaseAddress, meeting.FacilitatorToken);
        await facilitator.StartAsync();
        var board = await facilitator.OpenBoardAsync();
        Assert.False(board.Moderator.IsAdmin);
        Assert.Equal("Ms. Rivera", board.Moderator.Name);
        Assert.Equal([meeting.Community], board.Communities.Select(c => c.CommunityId));
        Assert.All(board.Sessions, s => Assert.Equal(meeting.Community, s.CommunityId));
        var foreign = await Assert.ThrowsAsync<HubException>(() => facilitator.GetAuditAsync(other.Community, 10));
        Assert.Equal(RefusalCode.Forbidden, HubError.Code(foreign));
        var notTheirs = await Assert.ThrowsAsync<HubException>(() => facilitator.EndSessionAsync(other.Session, "not mine"));
        Assert.Equal(RefusalCode.Forbidden, HubError.Code(notTheirs));

        await using var teacher = new AdminConnection(Api.BaseAddress, meeting.TeacherTokens[0]);
        await teacher.StartAsync();
        var refused = await Assert.ThrowsAsync<HubException>(teacher.OpenBoardAsync);
        Assert.Equal(RefusalCode.Forbidden, HubError.Code(refused));

        await using var stranger = new AdminConnection(Api.BaseAddress, "not-the-admin-key");
        var unauthorized = await Assert.ThrowsAsync<HttpRequestException>(() => stranger.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);

        await meeting.DisposeAsync();
        await other.DisposeAsync();
    }

    [Fact]
    public async Task WatchedDocument_ReceivesEveryEdit_AndNamesItsContributors()
    {
        var meeting = await MeetingAsync();
        await meeting.Facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.StartSession), meeting.Session.ToString());
        var state = await meeting.Teachers[0].InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), meeting.Session.ToString());

        await using var console = new AdminConnection(Api.BaseAddress, GatewayFixture.AdminKey);
        var ops = new ConcurrentQueue<RemoteOp>();
        console.DocumentOps += e => { foreach (var op in e.Ops) { ops.Enqueue(op); } };
        await console.StartAsync();
        var watched = await console.WatchDocumentAsync(state.MainDocumentId);
        Assert.Equal("# Tuning protocol\n", watched.Text);

        await using var plan = await SharedDocument.OpenAsync(meeting.Teachers[0], state.MainDocumentId);
        plan.Edit(TextOp.Create(OpComponent.Skip(CodePoints.Count(plan.Text)), OpComponent.Insert("Goal: fractions 🍕")));
        await plan.SettleAsync(TimeSpan.FromSeconds(15));

        var seen = await Eventually.ReadAsync(() => ops.FirstOrDefault());
        Assert.Equal(watched.Version + 1, seen.Version);
        Assert.Equal(plan.Text, TextType.Apply(watched.Text, seen.Op));
        var contributors = await console.GetContributorsAsync(state.MainDocumentId);
        Assert.Contains(contributors, c => c.Name == "Teacher 0" && c.Present == CodePoints.Count("Goal: fractions 🍕"));
        await meeting.DisposeAsync();
    }

    private static SessionBoard? Latest(IEnumerable<SessionBoard> boards, Guid session) =>
        boards.Where(b => b.SessionId == session).MaxBy(b => b.Revision);

    private async Task<Meeting> MeetingAsync()
    {
        var (community, invites) = await Api.CreateCommunityAsync(GatewayFixture.AdminKey);
        var (_, facilitatorToken) = await Api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera");
        var teachers = new List<(string Id, string Token)>();
        for (var i = 0; i < 2; i++)
        {
            teachers.Add(await Api.JoinAsync(ApiClient.Text(invites, "member"), $"Teacher {i}"));
        }
        var scheduled = await Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/sessions", new
        {
            title = "Tuning protocol",
            start = DateTime.UtcNow.Date.AddDays(7).ToString("yyyy-MM-dd") + "T16:00",
            timeZone = "UTC",
            durationMinutes = 60,
            agenda = new object[] { new { title = "Presenting", minutes = 10 }, new { title = "Feedback", minutes = 20 } },
        }, facilitatorToken);
        var facilitator = await LiveConnection.ConnectAsync(Api.BaseAddress, facilitatorToken);
        var connections = new List<HubConnection>();
        foreach (var (_, token) in teachers)
        {
            connections.Add(await LiveConnection.ConnectAsync(Api.BaseAddress, token));
        }
        return new Meeting(Guid.Parse(community), Guid.Parse(ApiClient.Text(scheduled, "id")), facilitatorToken, facilitator,
            [.. teachers.Select(t => Guid.Parse(t.Id))], [.. teachers.Select(t => t.Token)], connections);
    }

    private sealed record Meeting(
        Guid Community, Guid Session, string FacilitatorToken, HubConnection Facilitator,
        IReadOnlyList<Guid> TeacherIds, IReadOnlyList<string> TeacherTokens, IReadOnlyList<HubConnection> Teachers) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Facilitator.DisposeAsync();
            foreach (var teacher in Teachers)
            {
                await teacher.DisposeAsync();
            }
        }
    }
}
