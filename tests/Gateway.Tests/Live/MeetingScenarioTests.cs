using System.Collections.Concurrent;
using System.Net;
using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.GatewayHarness;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Rooms;
using CopLive.Protocol.Sessions;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.Gateway.Tests.Live;

/// <summary>A whole PLC meeting, one facilitator and nine teachers, over the real hub with the real SignalR client.</summary>
[Collection(SharedGateway.Name)]
public sealed class MeetingScenarioTests(GatewayFixture gateway)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private ApiClient Api => gateway.Api;

    [Fact]
    public async Task AWholeMeeting_AgendaBreakoutsHelpMoveBroadcast_EndsWithEveryRoomsNotesInThePlan()
    {
        var (community, invites) = await Api.CreateCommunityAsync(GatewayFixture.AdminKey);
        var (facilitatorId, facilitatorToken) = await Api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera");
        var people = new List<Person>();
        for (var i = 0; i < 9; i++)
        {
            var (id, token) = await Api.JoinAsync(ApiClient.Text(invites, "member"), $"Teacher {i}");
            people.Add(new Person(Guid.Parse(id), $"Teacher {i}", token));
        }
        var start = DateTime.UtcNow.Date.AddDays(7).ToString("yyyy-MM-dd") + "T16:00";
        var scheduled = await Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/sessions", new
        {
            title = "Fractions lesson study", start, timeZone = "UTC", durationMinutes = 90,
            agenda = new[] { new { title = "Check-in", minutes = 5 }, new { title = "Tuning protocol", minutes = 20 }, new { title = "Breakouts", minutes = 30 } },
        }, facilitatorToken);
        var session = ApiClient.Text(scheduled, "id");

        var facilitator = await ClientAsync(facilitatorToken, Guid.Parse(facilitatorId));
        var clients = new List<Participant>();
        foreach (var person in people)
        {
            var client = await ClientAsync(person.Token, person.Id);
            client.Name = person.Name;
            clients.Add(client);
        }
        try
        {
            await facilitator.Connection.InvokeAsync<SessionState>(nameof(ILiveHub.StartSession), session);
            foreach (var client in clients.Prepend(facilitator))
            {
                await client.Connection.InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), session);
            }
            await facilitator.Connection.InvokeAsync<SessionState>(nameof(ILiveHub.StartAgenda), session);
            var phases = await facilitator.Connection.InvokeAsync<SessionState>(nameof(ILiveHub.AdvancePhase), session);
            Assert.Equal((1, AgendaStatus.Running), (phases.Phase, phases.AgendaStatus));

            var round = (await facilitator.Connection.InvokeAsync<SessionState>(nameof(ILiveHub.OpenBreakouts), session,
                new { rooms = 3, assignment = "auto", minutes = 10 })).Breakout!;
            Assert.Equal([3, 3, 3], round.Rooms.Select(r => r.Members.Count));

            // Each teacher opens their room and writes into its notes.
            foreach (var client in clients)
            {
                var room = round.Rooms.Single(r => r.Members.Contains(client.Member));
                client.Room = room.RoomId;
                await client.Connection.InvokeAsync<RoomState>(nameof(ILiveHub.OpenRoom), room.RoomId.ToString());
                var notes = await SharedDocument.OpenAsync(client.Connection, room.NotesDocumentId);
                notes.Edit(TextType.Normalize(CodePoints.Count(notes.Text) == 0
                    ? [OpComponent.Insert($"{client.Name} thinks: équivalent fractions 🍕\n")]
                    : [OpComponent.Skip(CodePoints.Count(notes.Text)), OpComponent.Insert($"{client.Name} thinks: équivalent fractions 🍕\n")]));
                await notes.SettleAsync(Patience);
            }

            // A teacher asks for help; the facilitator looks in, claims it and resolves it.
            var asking = clients[0];
            var help = await asking.Connection.InvokeAsync<RoomState>(nameof(ILiveHub.AskForHelp), asking.Room.ToString(), "Stuck on the rubric");
            await facilitator.Connection.InvokeAsync<RoomState>(nameof(ILiveHub.OpenRoom), asking.Room.ToString());
            await facilitator.Connection.InvokeAsync<RoomState>(nameof(IModerationHub.ClaimHelp), asking.Room.ToString(), help.Help[0].Id);
            var resolved = await facilitator.Connection.InvokeAsync<RoomState>(nameof(IModerationHub.ResolveHelp), asking.Room.ToString(), help.Help[0].Id);
            Assert.Equal(HelpStatus.Resolved, resolved.Help[0].Status);

            // The facilitator moves one teacher and broadcasts to every room.
            var mover = clients.First(c => c.Room != asking.Room);
            var destination = round.Rooms.First(r => r.RoomId != mover.Room && r.RoomId != asking.Room).RoomId;
            var moved = await facilitator.Connection.InvokeAsync<SessionState>(nameof(IModerationHub.MoveMember), session, mover.Member.ToString(), destination.ToString());
            Assert.Single(moved.Breakout!.Rooms, r => r.Members.Contains(mover.Member));
            await facilitator.Connection.InvokeAsync<SessionState>(nameof(IModerationHub.BroadcastToRooms), session, "Two minutes left");

            // The deadline passes (shortened to now) and the round closes by itself.
            await facilitator.Connection.InvokeAsync<SessionState>(nameof(IModerationHub.ExtendRound), session, -10);
            foreach (var client in clients.Prepend(facilitator))
            {
                await client.WaitForAsync(s => s.Breakout is null && s.RoundsClosed == 1);
            }

            var live = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/sessions/{session}/live", bearer: facilitatorToken);
            var mainDocument = live["mainDocumentId"]!.GetValue<string>();
            var plan = ApiClient.Text(await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{mainDocument}", bearer: people[0].Token), "text");
            var authors = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{mainDocument}/authors", bearer: people[0].Token);
            var attendance = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/sessions/{session}/attendance", bearer: facilitatorToken);

            foreach (var room in round.Rooms)
            {
                Assert.Contains($"## {room.Name}: notes by ", plan);
            }
            Assert.All(clients, c => Assert.Contains($"{c.Name} thinks: équivalent fractions 🍕\n", plan));
            var contributors = authors["authors"]!.AsArray().Select(a => Guid.Parse(ApiClient.Text(a!, "memberId"))).ToHashSet();
            Assert.All(clients, c => Assert.Contains(c.Member, contributors));
            Assert.Equal(10, attendance.AsArray().Count);
            var finalSeq = live["seq"]!.GetValue<long>();
            Assert.All(clients.Prepend(facilitator), c => Assert.Equal(finalSeq, c.Latest!.Seq));

            // Teachers only ever heard from their own room, and did hear from it (the broadcast reached every room).
            foreach (var client in clients.Where(c => c != mover))
            {
                await Eventually.HoldsAsync(() => client.RoomsHeard.Contains(client.Room));
                Assert.All(client.RoomsHeard, r => Assert.Equal(client.Room, r));
            }
            var roomAfter = await Api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/rooms/{asking.Room}", bearer: people[8].Token);
            Assert.True(roomAfter["closed"]!.GetValue<bool>());
            Assert.Contains(roomAfter["chat"]!.AsArray(), c => ApiClient.Text(c!, "text") == "Two minutes left");
        }
        finally
        {
            foreach (var client in clients.Prepend(facilitator))
            {
                await client.Connection.DisposeAsync();
            }
        }
    }

    private async Task<Participant> ClientAsync(string token, Guid member)
    {
        var connection = LiveConnection.Create(Api.BaseAddress, () => token);
        var participant = new Participant(connection, member, "");
        connection.On<SessionState>(nameof(ILiveClient.SessionChanged), participant.Saw);
        connection.On<RoomState>(nameof(ILiveClient.RoomChanged), r => participant.RoomsHeard.Add(r.RoomId));
        await connection.StartAsync();
        return participant;
    }

    private sealed record Person(Guid Id, string Name, string Token);

    private sealed class Participant(HubConnection connection, Guid member, string name)
    {
        private readonly Lock _gate = new();

        public HubConnection Connection { get; } = connection;
        public Guid Member { get; } = member;
        public string Name { get; set; } = name;
        public Guid Room { get; set; }
        public SessionState? Latest { get; private set; }
        public ConcurrentBag<Guid> RoomsHeard { get; } = [];

        public void Saw(SessionState state)
        {
            lock (_gate)
            {
                if (Latest is null || state.Seq > Latest.Seq)
                {
                    Latest = state;
                }
            }
        }

        public async Task WaitForAsync(Func<SessionState, bool> condition)
        {
            using var patience = new CancellationTokenSource(Patience);
            while (Latest is not { } latest || !condition(latest))
            {
                await Task.Delay(50, patience.Token);
            }
        }
    }
}
