using System.Collections.Concurrent;
using CopLive.Gateway.Hubs;
using CopLive.Gateway.Wire;
using CopLive.Grains.Ids;
using CopLive.Grains.Rooms;
using CopLive.Protocol.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace CopLive.Gateway.Fanout;

/// <summary>
/// Push from room grains to this gateway's connections. A connection follows a room only while it may: when a
/// member is moved out of a breakout room, their connections leave its group before the next event is sent, so
/// members only ever receive events of rooms they are in (facilitators may observe any room).
/// </summary>
public sealed partial class RoomFanout(
    IGrainFactory grains,
    SubscriptionRenewal renewal,
    IHubContext<LiveHub, ILiveClient> hub,
    IHubContext<AdminHub, IAdminClient> consoles,
    ILogger<RoomFanout> logger) : BackgroundService, IRoomObserver
{
    private readonly ConcurrentDictionary<(string Connection, RoomId Room), Follower> _followers = new();
    private IRoomObserver? _reference;
    private LocalSubscriptions<RoomId>? _subscriptions;

    private IRoomObserver Reference => _reference ??= grains.CreateObjectReference<IRoomObserver>(this);

    private LocalSubscriptions<RoomId> Subscriptions => _subscriptions ??= new(
        room => grains.GetRoom(room).SubscribeAsync(Reference),
        room => grains.GetRoom(room).UnsubscribeAsync(Reference));

    /// <summary>
    /// Lets a connection follow a room it has just been allowed to read; true when it follows as an observer (a
    /// facilitator looking into an open breakout room they are not in).
    /// </summary>
    public async Task<bool> FollowAsync(string connectionId, MemberId member, RoomView room)
    {
        // Allowed to read a breakout room it is not in: the caller is a facilitator (or the admin), who may observe any room.
        var observer = room.Kind == RoomKind.Breakout && !room.Closed && !room.Members.Contains(member);
        _followers[(connectionId, room.Id)] = new Follower(member, observer);
        await hub.Groups.AddToGroupAsync(connectionId, HubGroups.ForRoom(room.Id));
        await Subscriptions.AddAsync(connectionId, room.Id);
        return observer;
    }

    /// <summary>Lets a moderators' console follow a room it was allowed to read.</summary>
    public async Task FollowFromConsoleAsync(string connectionId, RoomId room)
    {
        await consoles.Groups.AddToGroupAsync(connectionId, HubGroups.ForRoom(room));
        await Subscriptions.AddAsync(connectionId, room);
    }

    /// <summary>Stops a console following a room.</summary>
    public async Task UnfollowFromConsoleAsync(string connectionId, RoomId room)
    {
        await consoles.Groups.RemoveFromGroupAsync(connectionId, HubGroups.ForRoom(room));
        await Subscriptions.RemoveAsync(connectionId, room);
    }

    /// <summary>Stops a connection following a room; true when it followed as an observer.</summary>
    public async Task<bool> UnfollowAsync(string connectionId, RoomId room)
    {
        var observer = _followers.TryRemove((connectionId, room), out var follower) && follower.Observer;
        await hub.Groups.RemoveFromGroupAsync(connectionId, HubGroups.ForRoom(room));
        await Subscriptions.RemoveAsync(connectionId, room);
        return observer;
    }

    /// <summary>Stops a closed connection following any room; returns the rooms it observed.</summary>
    public async Task<IReadOnlyList<RoomId>> UnfollowAllAsync(string connectionId)
    {
        var observed = new List<RoomId>();
        foreach (var room in await Subscriptions.RemoveAllAsync(connectionId))
        {
            if (_followers.TryRemove((connectionId, room), out var follower) && follower.Observer)
            {
                observed.Add(room);
            }
        }
        return observed;
    }

    public async Task RoomChanged(RoomView room)
    {
        try
        {
            if (room.Kind == RoomKind.Breakout && !room.Closed)
            {
                foreach (var ((connection, id), follower) in _followers.Where(f => f.Key.Room == room.Id).ToList())
                {
                    if (!follower.Observer && !room.Members.Contains(follower.Member))
                    {
                        await UnfollowAsync(connection, id);
                    }
                }
            }
            var wire = room.ToWire();
            DetachedSend.Observe(hub.Clients.Group(HubGroups.ForRoom(room.Id)).RoomChanged(wire), e => LogDeliveryFailed(e, room.Id));
            DetachedSend.Observe(consoles.Clients.Group(HubGroups.ForRoom(room.Id)).RoomChanged(wire), e => LogDeliveryFailed(e, room.Id));
        }
        catch (Exception e)
        {
            LogDeliveryFailed(e, room.Id);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        renewal.RunAsync(
            () => Subscriptions.Active, r => grains.GetRoom(r).SubscribeAsync(Reference), (e, r) => LogRenewFailed(e, r), stoppingToken);

    private sealed record Follower(MemberId Member, bool Observer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver the state of room {RoomId}")]
    private partial void LogDeliveryFailed(Exception error, RoomId roomId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the subscription to room {RoomId}")]
    private partial void LogRenewFailed(Exception error, RoomId roomId);
}
