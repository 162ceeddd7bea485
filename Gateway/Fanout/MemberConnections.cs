using System.Collections.Concurrent;
using CopLive.Grains.Ids;
using CopLive.Grains.Members;
using Microsoft.AspNetCore.SignalR;

namespace CopLive.Gateway.Fanout;

/// <summary>
/// This gateway's open hub connections per member, and its subscription to each such member's grain: when a
/// member loses access (banned, removed from a session) their connections here are closed at once, which drops
/// every group they had joined; the client reconnects and can rejoin only what it may still see.
/// </summary>
public sealed partial class MemberConnections(IGrainFactory grains, ILogger<MemberConnections> logger) : BackgroundService, IMemberObserver
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _contexts = new();
    private IMemberObserver? _reference;
    private LocalSubscriptions<MemberId>? _subscriptions;

    private IMemberObserver Reference => _reference ??= grains.CreateObjectReference<IMemberObserver>(this);

    private LocalSubscriptions<MemberId> Subscriptions => _subscriptions ??= new(
        member => grains.GetMember(member).SubscribeAsync(Reference),
        member => grains.GetMember(member).UnsubscribeAsync(Reference));

    public async Task ConnectedAsync(HubCallerContext context, MemberId member)
    {
        _contexts[context.ConnectionId] = context;
        await Subscriptions.AddAsync(context.ConnectionId, member);
    }

    public async Task DisconnectedAsync(string connectionId)
    {
        _contexts.TryRemove(connectionId, out _);
        await Subscriptions.RemoveAllAsync(connectionId);
    }

    public Task AccessRevoked(MemberId member, string reason)
    {
        foreach (var context in _contexts.Values.Where(c => c.UserIdentifier == member.ToString()))
        {
            LogClosing(member, context.ConnectionId, reason);
            context.Abort();
        }
        return Task.CompletedTask;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        SubscriptionRenewal.RunAsync(
            () => Subscriptions.Active, m => grains.GetMember(m).SubscribeAsync(Reference), (e, m) => LogRenewFailed(e, m), stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing connection {ConnectionId} of member {MemberId}: {Reason}")]
    private partial void LogClosing(MemberId memberId, string connectionId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the subscription to member {MemberId}")]
    private partial void LogRenewFailed(Exception error, MemberId memberId);
}
