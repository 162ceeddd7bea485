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
public sealed partial class MemberConnections(IGrainFactory grains, SubscriptionRenewal renewal, ILogger<MemberConnections> logger) : BackgroundService, IMemberObserver
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _contexts = new();
    private IMemberObserver? _reference;
    private LocalSubscriptions<MemberId>? _subscriptions;

    private IMemberObserver Reference => _reference ??= grains.CreateObjectReference<IMemberObserver>(this);

    private LocalSubscriptions<MemberId> Subscriptions => _subscriptions ??= new(
        member => grains.GetMember(member).SubscribeAsync(Reference),
        member => grains.GetMember(member).UnsubscribeAsync(Reference));

    /// <summary>Open hub connections one member may hold on this gateway (tabs, devices); more are refused.</summary>
    public const int MaxPerMember = 10;

    /// <summary>Admits a new connection of <paramref name="member"/>; false when they already hold the most allowed.</summary>
    public async Task<bool> ConnectedAsync(HubCallerContext context, MemberId member)
    {
        var id = member.ToString();
        if (_contexts.Values.Count(c => c.UserIdentifier == id) >= MaxPerMember)
        {
            LogTooMany(member, context.ConnectionId);
            return false;
        }
        _contexts[context.ConnectionId] = context;
        await Subscriptions.AddAsync(context.ConnectionId, member);
        return true;
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
        renewal.RunAsync(
            () => Subscriptions.Active, m => grains.GetMember(m).SubscribeAsync(Reference), (e, m) => LogRenewFailed(e, m), stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing connection {ConnectionId} of member {MemberId}: {Reason}")]
    private partial void LogClosing(MemberId memberId, string connectionId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused connection {ConnectionId}: member {MemberId} already has the most connections allowed")]
    private partial void LogTooMany(MemberId memberId, string connectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the subscription to member {MemberId}")]
    private partial void LogRenewFailed(Exception error, MemberId memberId);
}
