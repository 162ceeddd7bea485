using System.Collections.Concurrent;
using System.Net;
using CopLive.Client.Admin;
using CopLive.Client.Live;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Moderation;
using CopLive.Protocol.Rooms;
using CopLive.Protocol.Sessions;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.EndToEnd.Tests;

/// <summary>
/// A meeting in a breakout round when the silo holding its session and rooms is killed (SIGKILL, not restarted):
/// the round's and the agenda phase's deadlines still fire on the surviving silo, and chat, hands and presence go on.
/// </summary>
public sealed class MeetingThroughSiloLossTests : IAsyncLifetime
{
    private const string AdminKey = "meeting-loss-admin-key-0123456789abcdef";
    private PostgresServer _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task TheRoundAndThePhase_StillEndAtTheirDeadlines_AndChatHandsAndPresenceGoOn_AfterTheirSiloDies()
    {
        using var folder = new TempFolder("coplive-meeting-loss");
        var database = await _postgres.CreateDatabaseAsync();
        var cluster = PostgresClusterArguments.For(database);
        string[] silo = [.. cluster, "--Sessions:ReminderSeconds", "2"];

        // Alone at first, so the session, its rooms and the plan are activated on this silo.
        var doomed = await ProductProcess.StartSiloAsync(folder.Path, [.. silo, .. PostgresClusterArguments.SiloPorts()]);
        await using var first = doomed;
        // Periodic renewal is put off for an hour: only the silo-loss signal can bring the console's board back.
        await using var gateway = await ProductProcess.StartGatewayAsync(folder.Path,
            [.. cluster, .. PostgresClusterArguments.ClientGateway(AdminKey), "--Fanout:RenewSeconds", "3600"]);
        using var api = new ApiClient(gateway.Address);
        await using var meeting = await Meeting.StartAsync(api, gateway.Address, AdminKey, members: 2, ("Examine the work", 1), ("Debrief", 20));
        var round = await meeting.OpenRoundAsync(minutes: 1);
        await using var console = new AdminConnection(gateway.Address, AdminKey);
        var boards = new ConcurrentQueue<SessionBoard>();
        console.SessionBoardChanged += boards.Enqueue;
        await console.StartAsync();
        await console.OpenBoardAsync();
        var lines = await meeting.WriteNotesAsync(round, m => $"{m.Id:N} saw the misconception\n");

        await using var survivor = await ProductProcess.StartSiloAsync(folder.Path, [.. silo, .. PostgresClusterArguments.SiloPorts()]);
        await Patiently.HoldsAsync(async () => await Patiently.CountAsync(database, "SELECT count(*) FROM orleansmembershiptable WHERE status = 3") == 2,
            "The second silo never joined.");
        await doomed.KillAsync();
        boards.Clear();

        // The meeting goes on: a member posts in their room and comes back into the session, with retries while the
        // cluster recovers (the gateway answers Unavailable until the grains are back).
        var (memberId, member) = (meeting.Members[0].Id, meeting.Members[0].Connection);
        var roomId = round.Rooms.Single(r => r.Members.Contains(memberId)).RoomId;
        var messageId = Guid.NewGuid().ToString();
        var chat = await Patiently.ReadAsync(() => RetriedAsync(() => member.InvokeAsync<RoomState>(nameof(ILiveHub.SendChat), roomId.ToString(), "Still here", messageId)),
            "Chat never came back.");
        var hand = await Patiently.ReadAsync(() => RetriedAsync(() => member.InvokeAsync<RoomState>(nameof(ILiveHub.SetHand), roomId.ToString(), true)),
            "Hands never came back.");
        var present = await Patiently.ReadAsync(() => RetriedAsync(() => member.InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), meeting.Session)),
            "The session never came back.");

        // Nobody closes the round: its deadline does, on the surviving silo.
        var merged = await Meeting.MergedPlanAsync(api, meeting.Plan, meeting.FacilitatorToken, round, "The round never closed after its silo died.");
        // The first phase's minute ran out while its silo was dead: the agenda moved on by itself.
        var live = await Patiently.ReadAsync(async () =>
        {
            var state = await api.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/sessions/{meeting.Session}/live", bearer: meeting.FacilitatorToken);
            return state["phase"]!.GetValue<int>() == 1 ? state : null;
        }, "The agenda never moved on after its silo died.");

        // The moderators' console heard of it: the board renewed its subscriptions when the silo was lost.
        await Patiently.HoldsAsync(() => Task.FromResult(boards.Any(b => b.SessionId.ToString() == meeting.Session && b.RoundDeadline is null)),
            "The moderators' board never heard the round close after its silo died.");
        Assert.Single(chat.Chat, m => m.Text == "Still here");
        Assert.Contains(hand.Hands, h => h.MemberId == memberId);
        Assert.Contains(present.Present, p => p.MemberId == memberId);
        Assert.Null(live["breakout"]);
        Assert.Equal(1, live["roundsClosed"]!.GetValue<int>());
        Meeting.AssertEachOnce(merged, lines.Values);
    }

    /// <summary>The call's result, or null when the gateway answered that the cluster is recovering.</summary>
    private static async Task<T?> RetriedAsync<T>(Func<Task<T>> call) where T : class
    {
        try
        {
            return await call();
        }
        catch (HubException error) when (HubError.Code(error) is Protocol.Errors.RefusalCode.Unavailable)
        {
            return null;
        }
    }
}
