using System.Net;
using CopLive.Client.Live;
using CopLive.Collab.Text;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Sessions;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using NodaTime;

namespace CopLive.EndToEnd.Tests;

/// <summary>
/// A deadline that passes while the server is down fires when it is back, with nobody connected and nobody calling
/// the session: the session's durable reminder (SQLite's reminder table) activates it.
/// </summary>
public sealed class DurableDeadlineTests
{
    // Short, so the test waits seconds for the reminder rather than the default quarter-minute.
    private static readonly string[] Reminders = ["--Sessions:ReminderSeconds", "2"];

    [Fact]
    public async Task ARoundWhoseDeadlinePassedWhileTheServerWasDown_ClosesAndMergesOnceAfterARestart_WithoutAnyCall()
    {
        using var folder = new TempFolder("coplive-durable-deadline");
        string[] arguments = ["--Orleans:SiloPort", FreePort.Next().ToString(), "--Orleans:GatewayPort", FreePort.Next().ToString(), .. Reminders];
        string session, facilitatorToken;
        Guid plan;
        BreakoutState round;
        var lines = new List<string>();

        await using (var first = await ProductProcess.StartGatewayAsync(folder.Path, arguments))
        {
            using var api = new ApiClient(first.Address);
            var adminKey = File.ReadAllText(Path.Combine(folder.Path, "data", "admin.key"));
            var (community, invites) = await api.CreateCommunityAsync(adminKey);
            (_, facilitatorToken) = await api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera");
            var start = DateTime.UtcNow.Date.AddDays(7).ToString("yyyy-MM-dd") + "T16:00";
            session = ApiClient.Text(await api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/sessions",
                new { title = "Data dive", start, timeZone = "UTC", durationMinutes = 60, agenda = Array.Empty<object>() }, facilitatorToken), "id");

            var facilitator = await LiveConnection.ConnectAsync(first.Address, facilitatorToken);
            var connections = new List<HubConnection> { facilitator };
            plan = (await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.StartSession), session)).MainDocumentId;
            var members = new List<(Guid Id, HubConnection Connection)>();
            for (var i = 0; i < 2; i++)
            {
                var (id, token) = await api.JoinAsync(ApiClient.Text(invites, "member"), $"Teacher {i}");
                var connection = await LiveConnection.ConnectAsync(first.Address, token);
                connections.Add(connection);
                await connection.InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), session);
                members.Add((Guid.Parse(id), connection));
            }
            round = (await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.OpenBreakouts), session,
                new { rooms = 2, assignment = "auto", minutes = 1 })).Breakout!;
            foreach (var (id, connection) in members)
            {
                var notes = await SharedDocument.OpenAsync(connection, round.Rooms.Single(r => r.Members.Contains(id)).NotesDocumentId);
                var line = $"Teacher {members.FindIndex(m => m.Id == id)} noticed the fractions gap\n";
                notes.Edit(TextOp.At(CodePoints.Count(notes.Text), OpComponent.Insert(line)));
                await notes.SettleAsync(TimeSpan.FromSeconds(30));
                lines.Add(line);
            }

            await first.Process.KillAsync();
            foreach (var connection in connections)
            {
                await AfterCrash.DisposeAsync(connection);
            }
        }

        // Down until the round's deadline has passed.
        var untilDeadline = round.Deadline.ToDateTimeOffset() - DateTimeOffset.UtcNow;
        if (untilDeadline > TimeSpan.Zero)
        {
            await Task.Delay(untilDeadline + TimeSpan.FromSeconds(1));
        }

        await using var second = await ProductProcess.StartGatewayAsync(folder.Path, arguments);
        using var again = new ApiClient(second.Address);
        // Only the plan is read (a document, not the session) until the merge shows, so nothing but the reminder
        // can have woken the session.
        var merged = await Patiently.ReadAsync(async () =>
        {
            var text = ApiClient.Text(await again.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{plan}", bearer: facilitatorToken), "text");
            return round.Rooms.All(r => text.Contains($"## {r.Name}: notes by ", StringComparison.Ordinal)) ? text : null;
        }, "The round never closed after the restart.");
        var live = await again.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/sessions/{session}/live", bearer: facilitatorToken);

        Assert.Null(live["breakout"]);
        Assert.Equal(1, live["roundsClosed"]!.GetValue<int>());
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Equal(1, (merged.Length - merged.Replace(line, "", StringComparison.Ordinal).Length) / line.Length));
    }
}
