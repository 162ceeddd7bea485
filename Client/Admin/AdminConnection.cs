using CopLive.Client.Live;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Moderation;
using CopLive.Protocol.Rooms;
using Microsoft.AspNetCore.SignalR.Client;

namespace CopLive.Client.Admin;

/// <summary>
/// A console's connection to a gateway's admin hub (<c>/hubs/admin</c>), with the admin key or a facilitator's
/// member token. It reconnects by itself; after each reconnect the caller opens the board again (a new connection
/// has no feed). Every action is decided and audited by the server.
/// </summary>
public sealed class AdminConnection : IModerationActions, IAdminQueries, IAsyncDisposable
{
    private readonly HubConnection _hub;

    /// <summary>Creates a connection (not yet started) to <paramref name="gateway"/>.</summary>
    public AdminConnection(Uri gateway, string credential)
        : this([gateway], credential)
    {
    }

    /// <summary>Creates a connection (not yet started) to whichever of a cluster's <paramref name="gateways"/> answers.</summary>
    public AdminConnection(IReadOnlyList<Uri> gateways, string credential)
    {
        _hub = LiveConnection.Create(gateways, HubPaths.Admin, () => credential);
        _hub.On<SessionBoard>(nameof(IAdminClient.SessionBoard), b => SessionBoardChanged?.Invoke(b));
        _hub.On<CommunityRow>(nameof(IAdminClient.CommunityChanged), c => CommunityChanged?.Invoke(c));
        _hub.On<Pulse>(nameof(IAdminClient.Pulse), p => PulseReceived?.Invoke(p));
        _hub.On<DocumentOpsEvent>(nameof(IDocumentEvents.DocumentOps), e => DocumentOps?.Invoke(e));
        _hub.On<DocumentLockChangedEvent>(nameof(IDocumentEvents.DocumentLockChanged), e => DocumentLockChanged?.Invoke(e));
        _hub.On<RoomState>(nameof(IAdminClient.RoomChanged), r => RoomChanged?.Invoke(r));
        _hub.Reconnecting += e => Raise(ConnectionState.Reconnecting, e);
        _hub.Reconnected += _ => Raise(ConnectionState.Connected, null);
        _hub.Closed += e => Raise(ConnectionState.Closed, e);
    }

    /// <summary>A session's view changed.</summary>
    public event Action<SessionBoard>? SessionBoardChanged;

    /// <summary>A community's figures changed.</summary>
    public event Action<CommunityRow>? CommunityChanged;

    /// <summary>The once-a-second figures.</summary>
    public event Action<Pulse>? PulseReceived;

    /// <summary>Ops committed to a watched document.</summary>
    public event Action<DocumentOpsEvent>? DocumentOps;

    /// <summary>A watched document was locked or unlocked (from a browser, say).</summary>
    public event Action<DocumentLockChangedEvent>? DocumentLockChanged;

    /// <summary>A room this console looks into changed.</summary>
    public event Action<RoomState>? RoomChanged;

    /// <summary>The link went down, came back (open the board again) or closed for good.</summary>
    public event Action<ConnectionState, Exception?>? StateChanged;

    /// <summary>Connects; throws <see cref="HttpRequestException"/> for an unreachable gateway or refused credentials.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _hub.StartAsync(cancellationToken);

    /// <summary>Starts this connection's feed and returns everything in its scope.</summary>
    public Task<Board> OpenBoardAsync() => _hub.InvokeAsync<Board>(nameof(IAdminHub.OpenBoard));

    /// <inheritdoc />
    public Task<WatchedDocument> WatchDocumentAsync(Guid document) => _hub.InvokeAsync<WatchedDocument>(nameof(IAdminHub.WatchDocument), document.ToString());

    /// <inheritdoc />
    public Task UnwatchDocumentAsync(Guid document) => _hub.InvokeAsync(nameof(IAdminHub.UnwatchDocument), document.ToString());

    /// <inheritdoc />
    public Task<RoomState> WatchRoomAsync(Guid room) => _hub.InvokeAsync<RoomState>(nameof(IAdminHub.WatchRoom), room.ToString());

    /// <inheritdoc />
    public Task UnwatchRoomAsync(Guid room) => _hub.InvokeAsync(nameof(IAdminHub.UnwatchRoom), room.ToString());

    /// <inheritdoc />
    public Task<IReadOnlyList<Contributor>> GetContributorsAsync(Guid document) =>
        _hub.InvokeAsync<IReadOnlyList<Contributor>>(nameof(IAdminHub.GetContributors), document.ToString());

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditRow>> GetAuditAsync(Guid? community, int limit) =>
        _hub.InvokeAsync<IReadOnlyList<AuditRow>>(nameof(IAdminHub.GetAudit), community?.ToString(), limit);

    /// <inheritdoc />
    public Task BroadcastAsync(Guid session, string text) => _hub.InvokeAsync(nameof(IModerationHub.BroadcastToRooms), session.ToString(), text);

    /// <inheritdoc />
    public Task ExtendPhaseAsync(Guid session, int minutes) => _hub.InvokeAsync(nameof(IModerationHub.ExtendPhase), session.ToString(), minutes);

    /// <inheritdoc />
    public Task ExtendRoundAsync(Guid session, int minutes) => _hub.InvokeAsync(nameof(IModerationHub.ExtendRound), session.ToString(), minutes);

    /// <inheritdoc />
    public Task CloseRoundAsync(Guid session) => _hub.InvokeAsync(nameof(IModerationHub.CloseRound), session.ToString());

    /// <inheritdoc />
    public Task MoveMemberAsync(Guid session, Guid member, Guid room) =>
        _hub.InvokeAsync(nameof(IModerationHub.MoveMember), session.ToString(), member.ToString(), room.ToString());

    /// <inheritdoc />
    public Task MuteAsync(Guid session, Guid member, bool muted, string? reason) =>
        _hub.InvokeAsync(nameof(IModerationHub.MuteMember), session.ToString(), member.ToString(), muted, reason);

    /// <inheritdoc />
    public Task RemoveAsync(Guid session, Guid member, string reason) =>
        _hub.InvokeAsync(nameof(IModerationHub.RemoveMember), session.ToString(), member.ToString(), reason);

    /// <inheritdoc />
    public Task BanAsync(Guid community, Guid member, string reason) =>
        _hub.InvokeAsync(nameof(IModerationHub.BanMember), community.ToString(), member.ToString(), reason);

    /// <inheritdoc />
    public Task<bool> LockDocumentAsync(Guid document, bool locked, string? reason) =>
        _hub.InvokeAsync<bool>(nameof(IModerationHub.LockDocument), document.ToString(), locked, reason);

    /// <inheritdoc />
    public Task ClaimHelpAsync(Guid room, long request) => _hub.InvokeAsync(nameof(IModerationHub.ClaimHelp), room.ToString(), request);

    /// <inheritdoc />
    public Task ResolveHelpAsync(Guid room, long request) => _hub.InvokeAsync(nameof(IModerationHub.ResolveHelp), room.ToString(), request);

    /// <inheritdoc />
    public Task EndSessionAsync(Guid session, string reason) => _hub.InvokeAsync(nameof(IModerationHub.EndSession), session.ToString(), reason);

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    private Task Raise(ConnectionState state, Exception? error)
    {
        StateChanged?.Invoke(state, error);
        return Task.CompletedTask;
    }
}
