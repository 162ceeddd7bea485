using System.Net;
using CopLive.Client.Live;
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
        string session, facilitatorToken, memberToken;
        BreakoutState round;
        Dictionary<Guid, string> notes;

        await using (var first = await ProductProcess.StartGatewayAsync(folder.Path, ports))
        {
            using var api = new ApiClient(first.Address);
            var adminKey = File.ReadAllText(Path.Combine(folder.Path, "data", "admin.key"));
            await using var meeting = await Meeting.StartAsync(api, first.Address, adminKey, members: 4);
            (session, facilitatorToken, memberToken) = (meeting.Session, meeting.FacilitatorToken, meeting.Members[0].Token);
            round = await meeting.OpenRoundAsync(minutes: 30);
            notes = await meeting.WriteNotesAsync(round, m => $"{m.Name}: try number lines ✏️\n");
            await first.Process.KillAsync();
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
        var plan = ApiClient.Text(await again.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/documents/{closed.MainDocumentId}", bearer: memberToken), "text");

        Assert.Null(closed.Breakout);
        Assert.All(round.Rooms, r => Assert.Contains($"## {r.Name}: notes by ", plan));
        Meeting.AssertEachOnce(plan, notes.Values);
    }
}
