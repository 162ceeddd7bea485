using System.Collections.Concurrent;
using System.Net;
using CopLive.Client.Live;
using CopLive.GatewayHarness;
using CopLive.Protocol.Errors;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Sessions;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.Gateway.Tests.Live;

/// <summary>A facilitator opening a meeting and running its agenda while teachers join, over the real hub.</summary>
[Collection(SharedGateway.Name)]
public sealed class SessionHubTests(GatewayFixture gateway)
{
    private ApiClient Api => gateway.Api;

    [Fact]
    public async Task FacilitatorRunsTheMeeting_AndEveryoneSeesTheSamePhaseAndDeadline()
    {
        var (session, facilitatorToken, memberTokens) = await ScheduledSessionAsync(members: 2);
        await using var facilitator = await LiveConnection.ConnectAsync(Api.BaseAddress, facilitatorToken);
        var watchers = new List<(HubConnection Connection, ConcurrentQueue<SessionState> Seen)>();
        foreach (var token in memberTokens)
        {
            var connection = await LiveConnection.ConnectAsync(Api.BaseAddress, token);
            var seen = new ConcurrentQueue<SessionState>();
            connection.On<SessionState>(nameof(ILiveClient.SessionChanged), seen.Enqueue);
            watchers.Add((connection, seen));
        }

        var early = await Assert.ThrowsAsync<HubException>(() => watchers[0].Connection.InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), session));
        var notAllowed = await Assert.ThrowsAsync<HubException>(() => watchers[0].Connection.InvokeAsync<SessionState>(nameof(ILiveHub.StartSession), session));
        var started = await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.StartSession), session);
        foreach (var (connection, _) in watchers)
        {
            await connection.InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), session);
        }
        var agenda = await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.StartAgenda), session);
        var memberAgenda = await Assert.ThrowsAsync<HubException>(() => watchers[1].Connection.InvokeAsync<SessionState>(nameof(ILiveHub.AdvancePhase), session));

        foreach (var (_, seen) in watchers)
        {
            var last = await Eventually.ReadAsync(() => seen.LastOrDefault(s => s.Seq >= agenda.Seq));
            Assert.Equal(0, last.Phase);
            Assert.Equal(AgendaStatus.Running, last.AgendaStatus);
            Assert.Equal(agenda.Deadline, last.Deadline);
            Assert.Equal(2, last.Present.Count);
            Assert.Equal(seen.Select(s => s.Seq).Order(), seen.Select(s => s.Seq));
        }
        Assert.Equal(RefusalCode.Conflict, HubError.Code(early));
        Assert.Equal(RefusalCode.Forbidden, HubError.Code(notAllowed));
        Assert.Equal(RefusalCode.Forbidden, HubError.Code(memberAgenda));
        Assert.Equal(SessionStatus.Live, started.Status);
        Assert.Equal("Clarifying questions", agenda.Agenda[1].Title);

        var attendance = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/sessions/{session}/attendance", bearer: facilitatorToken);
        Assert.Equal(2, attendance.AsArray().Count);
        var live = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/sessions/{session}/live", bearer: memberTokens[0]);
        Assert.Equal(agenda.Seq, live["seq"]!.GetValue<long>());
        await Api.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, $"/api/sessions/{session}/end", new { }, memberTokens[0]);
        await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/api/sessions/{session}/end", new { }, facilitatorToken);

        foreach (var (connection, _) in watchers)
        {
            await connection.DisposeAsync();
        }
    }

    private async Task<(string Session, string Facilitator, IReadOnlyList<string> Members)> ScheduledSessionAsync(int members)
    {
        var (community, invites) = await Api.CreateCommunityAsync(GatewayFixture.AdminKey);
        var (_, facilitator) = await Api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera");
        var tokens = new List<string>();
        for (var i = 0; i < members; i++)
        {
            tokens.Add((await Api.JoinAsync(ApiClient.Text(invites, "member"), $"Teacher {i}")).Token);
        }
        var start = DateTime.UtcNow.Date.AddDays(7).ToString("yyyy-MM-dd") + "T16:00";
        var scheduled = await Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/sessions", new
        {
            title = "Tuning protocol",
            start,
            timeZone = "UTC",
            durationMinutes = 60,
            agenda = new object[] { new { title = "Presenting", minutes = 10 }, new { title = "Clarifying questions", minutes = 20, speakingRule = "Presenter listens" } },
        }, facilitator);
        return (ApiClient.Text(scheduled, "id"), facilitator, tokens);
    }
}
