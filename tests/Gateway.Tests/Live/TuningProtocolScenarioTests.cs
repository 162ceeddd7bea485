using System.Net;
using CopLive.Client.Admin;
using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.GatewayHarness;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Rooms;
using CopLive.Protocol.Sessions;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.Gateway.Tests.Live;

/// <summary>
/// The practice issue's scripted meeting over the real hubs: a 45-minute Tuning Protocol from its template, one
/// facilitator and eleven teachers, its feedback phase in three rooms, a teacher dropping and rejoining, a help
/// request, a teacher muted from the moderators' console, a recorder; afterwards everything the browser reads.
/// </summary>
[Collection(SharedGateway.Name)]
public sealed class TuningProtocolScenarioTests(GatewayFixture gateway)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private ApiClient Api => gateway.Api;

    [Fact]
    public async Task ATuningProtocolFromItsTemplate_WithElevenTeachers_LeavesMinutesAttributedFeedbackAttendanceAndAudit()
    {
        var (community, invites) = await Api.CreateCommunityAsync(GatewayFixture.AdminKey);
        var (facilitatorId, facilitatorToken) = await Api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera", "America/Chicago");
        var teachers = new List<(Guid Id, string Name, string Token)>();
        for (var i = 0; i < 11; i++)
        {
            var (id, token) = await Api.JoinAsync(ApiClient.Text(invites, "member"), $"Teacher {i + 1}");
            teachers.Add((Guid.Parse(id), $"Teacher {i + 1}", token));
        }
        var scheduled = await Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/sessions", new
        {
            title = "Tuning: fractions unit",
            start = DateTime.UtcNow.Date.AddDays(7).ToString("yyyy-MM-dd") + "T16:00",
            timeZone = "America/Chicago",
            template = "tuning",
        }, facilitatorToken);
        var session = ApiClient.Text(scheduled, "id");
        Assert.Equal(45, scheduled["durationMinutes"]!.GetValue<int>());

        var facilitator = await LiveConnection.ConnectAsync(Api.BaseAddress, facilitatorToken);
        var connections = new List<HubConnection>();
        await using var console = new AdminConnection(Api.BaseAddress, facilitatorToken);
        try
        {
            await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.StartSession), session);
            await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), session);
            foreach (var teacher in teachers)
            {
                var connection = await LiveConnection.ConnectAsync(Api.BaseAddress, teacher.Token);
                await connection.InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), session);
                connections.Add(connection);
            }
            var recorder = teachers[0];
            await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.SetRecorder), session, recorder.Id.ToString());

            // Presentation, clarifying questions, examining the work, probing questions; then warm and cool feedback in rooms.
            await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.StartAgenda), session);
            SessionState state = null!;
            for (var phase = 1; phase <= 4; phase++)
            {
                state = await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.AdvancePhase), session);
            }
            Assert.Equal("Warm and cool feedback", state.Agenda[state.Phase].Title);
            var round = state.Breakout!;
            Assert.Equal((3, 4), (round.Rooms.Count, state.Phase));
            Assert.Equal([4, 4, 3], round.Rooms.Select(r => r.Members.Count).OrderDescending());

            // Teacher 2 drops before writing and rejoins on a new connection: back in the same room.
            var dropper = teachers[1];
            var dropperRoom = round.Rooms.Single(r => r.Members.Contains(dropper.Id)).RoomId;
            await connections[1].DisposeAsync();
            connections[1] = await LiveConnection.ConnectAsync(Api.BaseAddress, dropper.Token);
            var rejoined = await connections[1].InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), session);
            Assert.Contains(dropper.Id, rejoined.Breakout!.Rooms.Single(r => r.RoomId == dropperRoom).Members);

            // Every teacher writes feedback in their room's notes, under the prompt the notes start with.
            for (var i = 0; i < teachers.Count; i++)
            {
                var room = round.Rooms.Single(r => r.Members.Contains(teachers[i].Id));
                await connections[i].InvokeAsync<RoomState>(nameof(ILiveHub.OpenRoom), room.RoomId.ToString());
                var notes = await SharedDocument.OpenAsync(connections[i], room.NotesDocumentId);
                Assert.StartsWith("Warm and cool feedback\nPrompt: ", notes.Text);
                notes.Edit(TextOp.Create(OpComponent.Skip(CodePoints.Count(notes.Text)), OpComponent.Insert($"{teachers[i].Name}: warm, the bar models are concrete\n")));
                await notes.SettleAsync(Patience);
            }

            // A teacher asks for help; the facilitator resolves it from the moderation calls.
            var asking = round.Rooms.Single(r => r.Members.Contains(teachers[2].Id)).RoomId.ToString();
            var help = await connections[2].InvokeAsync<RoomState>(nameof(ILiveHub.AskForHelp), asking, "Is 'cool' the same as critical?");
            await facilitator.InvokeAsync<RoomState>(nameof(ILiveHub.OpenRoom), asking);
            await facilitator.InvokeAsync<RoomState>(nameof(IModerationHub.ResolveHelp), asking, help.Help[0].Id);

            // A moderator mutes Teacher 4 from the console; their next chat is refused.
            await console.StartAsync();
            await console.MuteAsync(Guid.Parse(session), teachers[3].Id, true, "Talking over the presenter");
            var mutedRoom = round.Rooms.Single(r => r.Members.Contains(teachers[3].Id)).RoomId.ToString();
            await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() =>
                connections[3].InvokeAsync<RoomState>(nameof(ILiveHub.SendChat), mutedRoom, "But wait", Guid.NewGuid().ToString()));

            // The feedback phase ends: the rooms close with it. The recorder marks what was decided; the meeting ends.
            var reflection = await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.AdvancePhase), session);
            Assert.Null(reflection.Breakout);
            await connections[0].InvokeAsync<SessionState>(nameof(ILiveHub.AddDecision), session, "Keep bar models in unit 3");
            await connections[0].InvokeAsync<SessionState>(nameof(ILiveHub.AddActionItem), session,
                new ActionItemRequest("Revise the exit ticket", teachers[4].Id, DateTime.UtcNow.Date.AddDays(14).ToString("yyyy-MM-dd")));
            await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.AdvancePhase), session);
            await facilitator.InvokeAsync<SessionState>(nameof(IModerationHub.EndSession), session, (string?)null);

            // What the browser reads afterwards.
            var minutes = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/sessions/{session}/minutes", bearer: teachers[5].Token);
            using var markdown = await Api.GetAsync($"/api/sessions/{session}/minutes.md", teachers[5].Token);
            var plan = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{ApiClient.Text(minutes, "planDocumentId")}", bearer: teachers[5].Token);
            var authors = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{ApiClient.Text(minutes, "planDocumentId")}/authors", bearer: teachers[5].Token);
            var attendance = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/sessions/{session}/attendance", bearer: teachers[5].Token);
            var audit = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/communities/{community}/audit?limit=200", bearer: facilitatorToken);
            var past = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/me/sessions", bearer: teachers[1].Token);
            var askingRoom = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/rooms/{asking}", bearer: facilitatorToken);

            Assert.True(minutes["final"]!.GetValue<bool>());
            Assert.Equal(12, minutes["attendance"]!.AsArray().Select(a => ApiClient.Text(a!, "memberId")).Distinct().Count());
            Assert.Equal(7, minutes["agenda"]!.AsArray().Count(p => p!["started"] is not null));
            Assert.Equal(3, minutes["rooms"]!.AsArray().Count);
            Assert.All(minutes["rooms"]!.AsArray(), r => Assert.Equal("Warm and cool feedback", ApiClient.Text(r!, "round")));
            Assert.Equal("Keep bar models in unit 3", ApiClient.Text(Assert.Single(minutes["decisions"]!.AsArray())!, "text"));
            Assert.Equal("Teacher 5", ApiClient.Text(Assert.Single(minutes["actionItems"]!.AsArray())!, "ownerName"));
            Assert.Contains("## Breakout rooms", await markdown.Content.ReadAsStringAsync());
            var text = ApiClient.Text(plan, "text");
            Assert.All(teachers, t => Assert.Contains($"{t.Name}: warm, the bar models are concrete\n", text));
            Assert.DoesNotContain("Prompt: ", text);
            Assert.Equal(3, text.Split(": notes by ").Length - 1);
            var contributors = authors["authors"]!.AsArray().Select(a => Guid.Parse(ApiClient.Text(a!, "memberId"))).ToHashSet();
            Assert.All(teachers, t => Assert.Contains(t.Id, contributors));
            Assert.Equal(12, attendance.AsArray().Select(a => ApiClient.Text(a!, "memberId")).Distinct().Count());
            Assert.Contains(audit["entries"]!.AsArray(), e => ApiClient.Text(e!, "action") == "member.muted" && ApiClient.Text(e!, "targetId") == teachers[3].Id.ToString());
            Assert.Contains(past["past"]!.AsArray(), s => ApiClient.Text(s!, "id") == session);
            Assert.Equal("resolved", ApiClient.Text(Assert.Single(askingRoom["help"]!.AsArray())!, "status"));
        }
        finally
        {
            foreach (var connection in connections.Prepend(facilitator))
            {
                await connection.DisposeAsync();
            }
        }
    }
}
