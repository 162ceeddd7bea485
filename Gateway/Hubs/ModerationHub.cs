using CopLive.Gateway.Auth;
using CopLive.Gateway.Wire;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Protocol.Hubs;
using CopLive.Protocol.Rooms;
using CopLive.Protocol.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace CopLive.Gateway.Hubs;

/// <summary>
/// What facilitators do to a running meeting, offered alike by the participants' hub (<c>/hubs/live</c>) and the
/// moderators' console hub (<c>/hubs/admin</c>). The hubs only say who is calling; the grains decide every right
/// and record each action in the community's audit log.
/// </summary>
public abstract class ModerationHub<TClient>(IGrainFactory grains) : Hub<TClient>, IModerationHub
    where TClient : class
{
    private static readonly object CallerKey = new();

    /// <summary>The cluster's grains.</summary>
    protected IGrainFactory Grains { get; } = grains;

    /// <summary>
    /// The authenticated caller (a member, or the administrator). A connection's identity is fixed when it is
    /// authenticated, so it is read from the claims once per connection, not on every op.
    /// </summary>
    protected Caller Caller
    {
        get
        {
            if (Context.Items.TryGetValue(CallerKey, out var known) && known is Caller caller)
            {
                return caller;
            }
            caller = Context.User?.ToCaller() ?? throw CopLiveException.Forbidden("Not signed in.");
            Context.Items[CallerKey] = caller;
            return caller;
        }
    }

    /// <summary>Closes the meeting (facilitators and owners); <paramref name="reason"/> goes to the audit log.</summary>
    public async Task<SessionState> EndSession(string sessionId, string? reason) =>
        (await Grains.GetSession(ParseSession(sessionId)).EndAsync(Caller, reason)).ToWire();

    /// <summary>Lengthens the current phase by <paramref name="minutes"/> (negative shortens).</summary>
    public async Task<SessionState> ExtendPhase(string sessionId, int minutes) =>
        (await Grains.GetSession(ParseSession(sessionId)).ExtendPhaseAsync(Caller, minutes)).ToWire();

    /// <summary>Moves a member to another room of the round (facilitators and owners).</summary>
    public async Task<SessionState> MoveMember(string sessionId, string memberId, string roomId) =>
        (await Grains.GetSession(ParseSession(sessionId)).MoveMemberAsync(Caller, new MemberId(ParseGuid(memberId, "memberId")), ParseRoom(roomId))).ToWire();

    /// <summary>Posts a message to every room (facilitators and owners).</summary>
    public async Task<SessionState> BroadcastToRooms(string sessionId, string text) =>
        (await Grains.GetSession(ParseSession(sessionId)).BroadcastToRoomsAsync(Caller, text)).ToWire();

    /// <summary>Lengthens or shortens the round (facilitators and owners).</summary>
    public async Task<SessionState> ExtendRound(string sessionId, int minutes) =>
        (await Grains.GetSession(ParseSession(sessionId)).ExtendRoundAsync(Caller, minutes)).ToWire();

    /// <summary>Closes the round: notes merge into the lesson plan, everyone returns to the main room.</summary>
    public async Task<SessionState> CloseRound(string sessionId) =>
        (await Grains.GetSession(ParseSession(sessionId)).CloseRoundAsync(Caller)).ToWire();

    /// <summary>Mutes or unmutes a member in the session (facilitators and owners).</summary>
    public async Task<SessionState> MuteMember(string sessionId, string memberId, bool muted, string? reason) =>
        (await Grains.GetSession(ParseSession(sessionId)).MuteAsync(Caller, new MemberId(ParseGuid(memberId, "memberId")), muted, reason)).ToWire();

    /// <summary>Removes a member from the session (facilitators and owners); their connections close and they cannot rejoin it.</summary>
    public async Task<SessionState> RemoveMember(string sessionId, string memberId, string? reason) =>
        (await Grains.GetSession(ParseSession(sessionId)).RemoveAsync(Caller, new MemberId(ParseGuid(memberId, "memberId")), reason)).ToWire();

    /// <summary>Bans a member from the community (facilitators and owners); their open connections close at once.</summary>
    public Task BanMember(string communityId, string memberId, string? reason) =>
        Grains.GetCommunity(new CommunityId(ParseGuid(communityId, "communityId"))).BanAsync(Caller, new MemberId(ParseGuid(memberId, "memberId")), reason);

    /// <summary>Locks or unlocks a document (facilitators and owners).</summary>
    public async Task<bool> LockDocument(string documentId, bool locked, string? reason) =>
        (await Grains.GetDocument(ParseDocument(documentId)).SetLockedAsync(Caller, locked, reason)).Locked;

    /// <summary>Takes a help request (facilitators and owners).</summary>
    public async Task<RoomState> ClaimHelp(string roomId, long requestId) =>
        (await Grains.GetRoom(ParseRoom(roomId)).ClaimHelpAsync(Caller, requestId)).ToWire();

    /// <summary>Marks a help request done.</summary>
    public async Task<RoomState> ResolveHelp(string roomId, long requestId) =>
        (await Grains.GetRoom(ParseRoom(roomId)).ResolveHelpAsync(Caller, requestId)).ToWire();

    protected static RoomId ParseRoom(string? roomId) => new(ParseGuid(roomId, "roomId"));

    protected static SessionId ParseSession(string? sessionId) => new(ParseGuid(sessionId, "sessionId"));

    protected static DocumentId ParseDocument(string? documentId) => new(ParseGuid(documentId, "documentId"));

    protected static Guid ParseGuid(string? value, string field) =>
        Guid.TryParse(value, out var id)
            ? id
            : throw CopLiveException.Invalid(field, $"'{field}' must be an id (a GUID); {CopLiveException.Quote(value)} is not.");
}
