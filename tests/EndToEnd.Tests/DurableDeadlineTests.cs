using System.Net;
using CopLive.Protocol.Sessions;
using CopLive.TestSupport;

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
        Dictionary<Guid, string> lines;

        await using (var first = await ProductProcess.StartGatewayAsync(folder.Path, arguments))
        {
            using var api = new ApiClient(first.Address);
            var adminKey = File.ReadAllText(Path.Combine(folder.Path, "data", "admin.key"));
            await using var meeting = await Meeting.StartAsync(api, first.Address, adminKey, members: 2);
            (session, facilitatorToken, plan) = (meeting.Session, meeting.FacilitatorToken, meeting.Plan);
            round = await meeting.OpenRoundAsync(minutes: 1);
            lines = await meeting.WriteNotesAsync(round, m => $"{m.Name} noticed the fractions gap\n");
            await first.Process.KillAsync();
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
        var merged = await Meeting.MergedPlanAsync(again, plan, facilitatorToken, round, "The round never closed after the restart.");
        var live = await again.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/sessions/{session}/live", bearer: facilitatorToken);

        Assert.Null(live["breakout"]);
        Assert.Equal(1, live["roundsClosed"]!.GetValue<int>());
        Meeting.AssertEachOnce(merged, lines.Values);
    }
}
