using CopLive.Gateway.Hubs;
using CopLive.Gateway.Wire;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;
using CopLive.Protocol.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace CopLive.Gateway.Fanout;

/// <summary>
/// Push from session grains to this gateway's connections: one observer per gateway per session with local
/// connections. Each notification is a complete, numbered state; clients keep the newest.
/// </summary>
public sealed partial class SessionFanout(
    IGrainFactory grains,
    SubscriptionRenewal renewal,
    IHubContext<LiveHub, ILiveClient> hub,
    ILogger<SessionFanout> logger) : BackgroundService, ISessionObserver
{
    private ISessionObserver? _reference;
    private LocalSubscriptions<SessionId>? _subscriptions;

    private ISessionObserver Reference => _reference ??= grains.CreateObjectReference<ISessionObserver>(this);

    private LocalSubscriptions<SessionId> Subscriptions => _subscriptions ??= new(
        session => grains.GetSession(session).SubscribeAsync(Reference),
        session => grains.GetSession(session).UnsubscribeAsync(Reference));

    /// <summary>Adds a connection to a session's group, subscribing this gateway if it is the first.</summary>
    public async Task JoinAsync(string connectionId, SessionId session)
    {
        await hub.Groups.AddToGroupAsync(connectionId, HubGroups.ForSession(session));
        await Subscriptions.AddAsync(connectionId, session);
    }

    /// <summary>Removes a connection from a session's group.</summary>
    public async Task<bool> LeaveAsync(string connectionId, SessionId session)
    {
        await hub.Groups.RemoveFromGroupAsync(connectionId, HubGroups.ForSession(session));
        return await Subscriptions.RemoveAsync(connectionId, session);
    }

    /// <summary>Removes a closed connection from every session it had joined; returns them.</summary>
    public Task<IReadOnlyList<SessionId>> LeaveAllAsync(string connectionId) => Subscriptions.RemoveAllAsync(connectionId);

    public Task SessionChanged(SessionLive state)
    {
        try
        {
            DetachedSend.Observe(
                hub.Clients.Group(HubGroups.ForSession(state.Session)).SessionChanged(state.ToWire()),
                e => LogDeliveryFailed(e, state.Session));
        }
        catch (Exception e)
        {
            LogDeliveryFailed(e, state.Session);
        }
        return Task.CompletedTask;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        renewal.RunAsync(
            () => Subscriptions.Active, s => grains.GetSession(s).SubscribeAsync(Reference), (e, s) => LogRenewFailed(e, s), stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver the state of session {SessionId}")]
    private partial void LogDeliveryFailed(Exception error, SessionId sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the subscription to session {SessionId}")]
    private partial void LogRenewFailed(Exception error, SessionId sessionId);
}
