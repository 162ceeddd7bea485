using System.Collections.Concurrent;
using System.Net;
using CopLive.Client.Live;
using CopLive.GatewayHarness;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Rooms;
using CopLive.Protocol.Sessions;
using CopLive.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.Gateway.Tests.Live;

/// <summary>A facilitator looks into a breakout room without joining it, over the real hub: the room's members see who is watching.</summary>
[Collection(SharedGateway.Name)]
public sealed class RoomWatchTests(GatewayFixture gateway)
{
    private ApiClient Api => gateway.Api;

    [Fact]
    public async Task AFacilitatorLookingIntoARoom_ShowsAsWatchingToItsMembers_UntilTheyCloseItOrDisconnect_AndIsNotAMember()
    {
        var (facilitatorId, facilitatorToken, facilitator, ana, roomId) = await OneRoomAsync();
        await using var _ = facilitator;
        await using var __ = ana;
        var room = roomId.ToString();
        var seenByAna = new ConcurrentQueue<RoomState>();
        ana.On<RoomState>(nameof(ILiveClient.RoomChanged), seenByAna.Enqueue);

        var looked = await facilitator.InvokeAsync<RoomState>(nameof(ILiveHub.OpenRoom), room);
        var watched = await Eventually.ReadAsync(() => seenByAna.LastOrDefault(r => r.Watchers is { Count: > 0 }));
        await facilitator.InvokeAsync(nameof(ILiveHub.CloseRoom), room);
        var afterClose = await Eventually.ReadAsync(() => seenByAna.LastOrDefault(r => r.Seq > watched.Seq && r.Watchers is { Count: 0 }));
        await using (var second = await LiveConnection.ConnectAsync(Api.BaseAddress, facilitatorToken))
        {
            await second.InvokeAsync<RoomState>(nameof(ILiveHub.OpenRoom), room);
            await Eventually.ReadAsync(() => seenByAna.LastOrDefault(r => r.Seq > afterClose.Seq && r.Watchers is { Count: > 0 }));
        }
        var afterDisconnect = await Eventually.ReadAsync(() => seenByAna.LastOrDefault(r => r.Seq > afterClose.Seq + 1 && r.Watchers is { Count: 0 }));

        var watcher = Assert.Single(looked.Watchers!);
        Assert.Equal(("Ms. Rivera", Guid.Parse(facilitatorId)), (watcher.Name, watcher.MemberId));
        Assert.DoesNotContain(Guid.Parse(facilitatorId), looked.Members);
        Assert.Equal("Ms. Rivera", Assert.Single(watched.Watchers!).Name);
        Assert.Empty(afterDisconnect.Watchers!);
    }
    [Fact]
    public async Task AFacilitatorLookingInFromTheConsole_IsSeenWatching_AndHearsTheRoomsChat()
    {
        var (_, facilitatorToken, facilitator, ana, room) = await OneRoomAsync();
        await using var _ = facilitator;
        await using var __ = ana;

        await using var console = new CopLive.Client.Admin.AdminConnection(Api.BaseAddress, facilitatorToken);
        var heard = new ConcurrentQueue<RoomState>();
        console.RoomChanged += heard.Enqueue;
        await console.StartAsync();
        var looked = await console.WatchRoomAsync(room);
        await ana.InvokeAsync<RoomState>(nameof(ILiveHub.SendChat), room.ToString(), "Is cool feedback critique?", Guid.NewGuid().ToString());
        var chat = await Eventually.ReadAsync(() => heard.LastOrDefault(r => r.Chat.Count > 0));
        await console.UnwatchRoomAsync(room);
        var after = await ana.InvokeAsync<RoomState>(nameof(ILiveHub.OpenRoom), room.ToString());

        Assert.Equal("Ms. Rivera", Assert.Single(looked.Watchers!).Name);
        Assert.Equal("Ms. Rivera", Assert.Single(chat.Watchers!).Name);
        Assert.Equal(("Ana Ruiz", "Is cool feedback critique?"), (chat.Chat[0].AuthorName, chat.Chat[0].Text));
        Assert.Empty(after.Watchers!);
    }

    /// <summary>A live session whose one breakout room holds Ana (who has it open); the facilitator is in no room.</summary>
    private async Task<(string FacilitatorId, string FacilitatorToken, HubConnection Facilitator, HubConnection Ana, Guid Room)> OneRoomAsync()
    {
        var (community, invites) = await Api.CreateCommunityAsync(GatewayFixture.AdminKey);
        var (facilitatorId, facilitatorToken) = await Api.JoinAsync(ApiClient.Text(invites, "facilitator"), "Ms. Rivera");
        var (_, anaToken) = await Api.JoinAsync(ApiClient.Text(invites, "member"), "Ana Ruiz");
        var scheduled = await Api.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/api/communities/{community}/sessions", new
        {
            title = "Lesson study",
            start = DateTime.UtcNow.Date.AddDays(7).ToString("yyyy-MM-dd") + "T16:00",
            timeZone = "UTC",
            durationMinutes = 60,
        }, facilitatorToken);
        var session = ApiClient.Text(scheduled, "id");
        var facilitator = await LiveConnection.ConnectAsync(Api.BaseAddress, facilitatorToken);
        var ana = await LiveConnection.ConnectAsync(Api.BaseAddress, anaToken);
        await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.StartSession), session);
        await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), session);
        await ana.InvokeAsync<SessionState>(nameof(ILiveHub.JoinSession), session);
        var opened = await facilitator.InvokeAsync<SessionState>(nameof(ILiveHub.OpenBreakouts), session, new OpenBreakoutsRequest(1, null, BreakoutMode.Auto, 10, null));
        var room = opened.Breakout!.Rooms[0].RoomId;
        await ana.InvokeAsync<RoomState>(nameof(ILiveHub.OpenRoom), room.ToString());
        return (facilitatorId, facilitatorToken, facilitator, ana, room);
    }
}
