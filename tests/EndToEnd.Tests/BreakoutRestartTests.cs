using System.Net;
using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Sessions;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.EndToEnd.Tests;

/// <summary>The server is killed in the middle of a breakout round and restarted on the same data folder.</summary>
public sealed class BreakoutRestartTests
{
    [Fact]
    public async Task RoundInterruptedByARestart_KeepsAssignmentsDeadlineAndNotes_AndStillClosesIntoThePlan()
    {
        using var folder = new TempFolder("coplive-breakout-restart");
        string[] ports = ["--Orleans:SiloPort", FreePort.Next().ToString(), "--Orleans:GatewayPort", FreePort.Next().ToString()];
        string session, facilitatorToken;
        var members = new List<(Guid Id, string Name, string Token)>();
        BreakoutState round;
        var notes = new Dictionary<Guid, string>();

        await using (var first = await ProductProcess.StartGatewayAsync(folder.Path, ports))
        {
            using var api = new ApiClient(first.Address);
            var adminKey = File.ReadAllText(Path.Combine(folder.Path, "data", "admin.key"));
            var (community, invites) = await api.CreateCommunityAsync(adminKey);
            (_, facilitatorToken) = await api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera");
            for (var i = 0; i < 4; i++)
            {
                var (id, token) = await api.JoinAsync(ApiClient.Text(invites, "member"), $"Teacher {i}");
                members.Add((Guid.Parse(id), $"Teacher {i}", token));
            }
            var start = DateTime.UtcNow.Date.AddDays(7).ToString("yyyy-MM-dd") + "T16:00";
            session = ApiClient.Text(await api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/sessions",
                new { title = "Lesson study", start, timeZone = "UTC", durationMinutes = 60, agenda = Array.Empty<object>() }, facilitatorToken), "id");

            var facilitator = await LiveConnection.ConnectAsync(first.Address, facilitatorToken);
            await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.StartSession), session);
            var connections = new List<HubConnection>();
            foreach (var member in members)
            {
                var connection = await LiveConnection.ConnectAsync(first.Address, member.Token);
                connections.Add(connection);
                await connection.InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), session);
            }
            round = (await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.OpenBreakouts), session, new { rooms = 2, assignment = "auto", minutes = 30 })).Breakout!;
            for (var i = 0; i < members.Count; i++)
            {
                var room = round.Rooms.Single(r => r.Members.Contains(members[i].Id));
                var document = await SharedDocument.OpenAsync(connections[i], room.NotesDocumentId);
                var line = $"{members[i].Name}: try number lines ✏️\n";
                document.Edit(TextType.Normalize(CodePoints.Count(document.Text) == 0
                    ? [OpComponent.Insert(line)]
                    : [OpComponent.Skip(CodePoints.Count(document.Text)), OpComponent.Insert(line)]));
                await document.SettleAsync(TimeSpan.FromSeconds(30));
                notes[members[i].Id] = line;
            }

            await first.Process.KillAsync();
            foreach (var connection in connections.Append(facilitator))
            {
                await AfterCrash.DisposeAsync(connection);
            }
        }

        await using var second = await ProductProcess.StartGatewayAsync(folder.Path, ports);
        using var again = new ApiClient(second.Address);
        var live = await again.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/sessions/{session}/live", bearer: facilitatorToken);
        var breakout = live["breakout"]!;

        Assert.Equal(round.Round, Guid.Parse(ApiClient.Text(breakout, "round")));
        Assert.Equal(round.Deadline, NodaTime.Text.InstantPattern.ExtendedIso.Parse(ApiClient.Text(breakout, "deadline")).Value);
        foreach (var room in round.Rooms)
        {
            var stored = breakout["rooms"]!.AsArray().Single(r => Guid.Parse(ApiClient.Text(r!, "roomId")) == room.RoomId)!;
            Assert.Equal(room.Members.Order(), stored["members"]!.AsArray().Select(m => Guid.Parse(m!.GetValue<string>())).Order());
            var text = ApiClient.Text(await again.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{room.NotesDocumentId}", bearer: facilitatorToken), "text");
            Assert.All(room.Members, m => Assert.Contains(notes[m], text));
        }

        await using var facilitatorAgain = await LiveConnection.ConnectAsync(second.Address, facilitatorToken);
        var closed = await facilitatorAgain.InvokeAsync<SessionState>(nameof(IModerationHub.CloseRound), session);
        var plan = ApiClient.Text(await again.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{closed.MainDocumentId}", bearer: members[0].Token), "text");

        Assert.Null(closed.Breakout);
        Assert.All(round.Rooms, r => Assert.Contains($"## {r.Name}: notes by ", plan));
        Assert.All(notes.Values, line => Assert.Equal(1, (plan.Length - plan.Replace(line, "", StringComparison.Ordinal).Length) / line.Length));
    }
}
