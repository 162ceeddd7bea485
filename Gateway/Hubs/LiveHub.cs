using System.Text.Json;
using CopLive.Collab.Text;
using CopLive.Gateway.Auth;
using CopLive.Gateway.Fanout;
using CopLive.Grains.Documents;
using CopLive.Grains.Errors;
using CopLive.Grains.Ids;
using CopLive.Grains.Security;
using CopLive.Grains.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CopLive.Gateway.Hubs;

/// <summary>
/// <c>/hubs/live</c>: co-editing for participants. The hub only establishes who is calling and moves messages;
/// every right is decided by the grains. Method and event names are the public protocol (docs/protocol.md).
/// </summary>
[Authorize]
public sealed class LiveHub(IGrainFactory grains, DocumentFanout fanout, SessionFanout sessions, RoomFanout rooms, MemberConnections members) : Hub
{
    private Caller Caller => Context.User?.ToCaller() ?? throw CopLiveException.Forbidden("Not signed in.");

    /// <summary>Subscribes this connection to the document, then returns its text, version and cursors.</summary>
    public async Task<OpenDocumentResult> OpenDocument(string documentId)
    {
        var id = ParseDocument(documentId);
        var caller = Caller;

        // Subscribe before reading, so no op can fall between the snapshot and the stream.
        await fanout.JoinAsync(Context.ConnectionId, id);
        try
        {
            var opened = await grains.GetDocument(id).OpenAsync(caller);
            var d = opened.Document;
            return new OpenDocumentResult(id.Value, d.Title, d.Version, d.Text, [.. opened.Cursors.Select(c => c.ToMessage())]);
        }
        catch
        {
            await fanout.LeaveAsync(Context.ConnectionId, id);
            throw;
        }
    }

    /// <summary>Submits an op made on <paramref name="baseVersion"/>; returns the version it produced, once stored.</summary>
    public async Task<SubmitOpResult> SubmitOp(string documentId, string clientId, long seq, long baseVersion, JsonElement op)
    {
        var id = ParseDocument(documentId);
        var parsed = TextOpJson.Parse(op);
        var version = await grains.GetDocument(id).SubmitAsync(Caller, new OpSubmission(clientId, seq, baseVersion, parsed));
        return new SubmitOpResult(version);
    }

    /// <summary>Committed ops after <paramref name="fromVersion"/> (at most 1,000), for catch-up after a reconnect.</summary>
    public async Task<OpsResult> GetOps(string documentId, long fromVersion)
    {
        var id = ParseDocument(documentId);
        var page = await grains.GetDocument(id).GetOpsAsync(Caller, fromVersion, 1_000);
        return new OpsResult(id.Value, page.HeadVersion, [.. page.Ops.Select(o => o.ToMessage())]);
    }

    /// <summary>Places this connection's cursor, in code points of <paramref name="version"/>.</summary>
    public Task MoveCursor(string documentId, long version, int anchor, int head) =>
        grains.GetDocument(ParseDocument(documentId)).MoveCursorAsync(Caller, Context.ConnectionId, version, anchor, head);

    /// <summary>Stops receiving the document's events and removes this connection's cursor.</summary>
    public async Task CloseDocument(string documentId)
    {
        var id = ParseDocument(documentId);
        await fanout.LeaveAsync(Context.ConnectionId, id);
        await grains.GetDocument(id).RemoveCursorAsync(Caller, Context.ConnectionId);
    }

    /// <summary>
    /// Joins the live session (this connection counts toward the member's presence) and subscribes it to the
    /// session's events; returns the complete state. Calling it again after a reconnect returns what was missed.
    /// </summary>
    public async Task<SessionMessage> JoinSession(string sessionId)
    {
        var id = ParseSession(sessionId);
        await sessions.JoinAsync(Context.ConnectionId, id);
        try
        {
            return SessionMessage.From(await grains.GetSession(id).JoinAsync(Caller, Context.ConnectionId));
        }
        catch
        {
            await sessions.LeaveAsync(Context.ConnectionId, id);
            throw;
        }
    }

    /// <summary>Leaves the live session.</summary>
    public async Task LeaveSession(string sessionId)
    {
        var id = ParseSession(sessionId);
        await sessions.LeaveAsync(Context.ConnectionId, id);
        await grains.GetSession(id).LeaveAsync(Caller, Context.ConnectionId);
    }

    /// <summary>Opens the meeting (facilitators and owners).</summary>
    public async Task<SessionMessage> StartSession(string sessionId) =>
        SessionMessage.From(await grains.GetSession(ParseSession(sessionId)).StartAsync(Caller));

    /// <summary>Closes the meeting (facilitators and owners).</summary>
    public async Task<SessionMessage> EndSession(string sessionId) =>
        SessionMessage.From(await grains.GetSession(ParseSession(sessionId)).EndAsync(Caller));

    /// <summary>Starts the agenda's first phase.</summary>
    public async Task<SessionMessage> StartAgenda(string sessionId) =>
        SessionMessage.From(await grains.GetSession(ParseSession(sessionId)).StartAgendaAsync(Caller));

    /// <summary>Moves on to the next phase.</summary>
    public async Task<SessionMessage> AdvancePhase(string sessionId) =>
        SessionMessage.From(await grains.GetSession(ParseSession(sessionId)).AdvancePhaseAsync(Caller));

    /// <summary>Pauses the countdown.</summary>
    public async Task<SessionMessage> PausePhase(string sessionId) =>
        SessionMessage.From(await grains.GetSession(ParseSession(sessionId)).PausePhaseAsync(Caller));

    /// <summary>Resumes the countdown.</summary>
    public async Task<SessionMessage> ResumePhase(string sessionId) =>
        SessionMessage.From(await grains.GetSession(ParseSession(sessionId)).ResumePhaseAsync(Caller));

    /// <summary>Lengthens the current phase by <paramref name="minutes"/> (negative shortens).</summary>
    public async Task<SessionMessage> ExtendPhase(string sessionId, int minutes) =>
        SessionMessage.From(await grains.GetSession(ParseSession(sessionId)).ExtendPhaseAsync(Caller, minutes));

    /// <summary>Opens a breakout round (facilitators and owners).</summary>
    public async Task<SessionMessage> OpenBreakouts(string sessionId, OpenBreakoutsRequest request)
    {
        var spec = new BreakoutSpec(
            request.Rooms ?? 0,
            [.. request.Names ?? []],
            request.Assignment,
            request.Minutes,
            [.. (request.Assignments ?? []).Select(a => new RoomAssignment(new MemberId(a.MemberId), a.Room))]);
        return SessionMessage.From(await grains.GetSession(ParseSession(sessionId)).OpenBreakoutsAsync(Caller, spec));
    }

    /// <summary>Picks a room in a self-select round.</summary>
    public async Task<SessionMessage> ChooseRoom(string sessionId, string roomId) =>
        SessionMessage.From(await grains.GetSession(ParseSession(sessionId)).ChooseRoomAsync(Caller, ParseRoom(roomId)));

    /// <summary>Moves a member to another room of the round (facilitators and owners).</summary>
    public async Task<SessionMessage> MoveMember(string sessionId, string memberId, string roomId) =>
        SessionMessage.From(await grains.GetSession(ParseSession(sessionId)).MoveMemberAsync(Caller, new MemberId(ParseGuid(memberId, "memberId")), ParseRoom(roomId)));

    /// <summary>Posts a message to every room (facilitators and owners).</summary>
    public async Task<SessionMessage> BroadcastToRooms(string sessionId, string text) =>
        SessionMessage.From(await grains.GetSession(ParseSession(sessionId)).BroadcastToRoomsAsync(Caller, text));

    /// <summary>Lengthens or shortens the round (facilitators and owners).</summary>
    public async Task<SessionMessage> ExtendRound(string sessionId, int minutes) =>
        SessionMessage.From(await grains.GetSession(ParseSession(sessionId)).ExtendRoundAsync(Caller, minutes));

    /// <summary>Closes the round: notes merge into the lesson plan, everyone returns to the main room.</summary>
    public async Task<SessionMessage> CloseRound(string sessionId) =>
        SessionMessage.From(await grains.GetSession(ParseSession(sessionId)).CloseRoundAsync(Caller));

    /// <summary>Mutes or unmutes a member in the session (facilitators and owners).</summary>
    public async Task<SessionMessage> MuteMember(string sessionId, string memberId, bool muted, string? reason) =>
        SessionMessage.From(await grains.GetSession(ParseSession(sessionId)).MuteAsync(Caller, new MemberId(ParseGuid(memberId, "memberId")), muted, reason));

    /// <summary>Removes a member from the session (facilitators and owners); their connections close and they cannot rejoin it.</summary>
    public async Task<SessionMessage> RemoveMember(string sessionId, string memberId, string? reason) =>
        SessionMessage.From(await grains.GetSession(ParseSession(sessionId)).RemoveAsync(Caller, new MemberId(ParseGuid(memberId, "memberId")), reason));

    /// <summary>Bans a member from the community (facilitators and owners); their open connections close at once.</summary>
    public Task BanMember(string communityId, string memberId, string? reason) =>
        grains.GetCommunity(new CommunityId(ParseGuid(communityId, "communityId"))).BanAsync(Caller, new MemberId(ParseGuid(memberId, "memberId")), reason);

    /// <summary>Locks or unlocks a document (facilitators and owners).</summary>
    public async Task<bool> LockDocument(string documentId, bool locked, string? reason) =>
        (await grains.GetDocument(ParseDocument(documentId)).SetLockedAsync(Caller, locked, reason)).Locked;

    /// <summary>Starts following a room this caller may read; returns its state.</summary>
    public async Task<RoomMessage> OpenRoom(string roomId)
    {
        var caller = Caller;
        var room = await grains.GetRoom(ParseRoom(roomId)).GetAsync(caller);
        await rooms.FollowAsync(Context.ConnectionId, caller.Member, room);
        return RoomMessage.From(room);
    }

    /// <summary>Stops following a room.</summary>
    public Task CloseRoom(string roomId) => rooms.UnfollowAsync(Context.ConnectionId, ParseRoom(roomId));

    /// <summary>Posts to a room's chat (1–2,000 characters).</summary>
    public async Task<RoomMessage> SendChat(string roomId, string text) =>
        RoomMessage.From(await grains.GetRoom(ParseRoom(roomId)).SendChatAsync(Caller, text));

    /// <summary>Raises or lowers the caller's hand.</summary>
    public async Task<RoomMessage> SetHand(string roomId, bool raised) =>
        RoomMessage.From(await grains.GetRoom(ParseRoom(roomId)).SetHandAsync(Caller, raised));

    /// <summary>Asks a facilitator for help.</summary>
    public async Task<RoomMessage> AskForHelp(string roomId, string? note) =>
        RoomMessage.From(await grains.GetRoom(ParseRoom(roomId)).AskForHelpAsync(Caller, note));

    /// <summary>Takes a help request (facilitators and owners).</summary>
    public async Task<RoomMessage> ClaimHelp(string roomId, long requestId) =>
        RoomMessage.From(await grains.GetRoom(ParseRoom(roomId)).ClaimHelpAsync(Caller, requestId));

    /// <summary>Marks a help request done.</summary>
    public async Task<RoomMessage> ResolveHelp(string roomId, long requestId) =>
        RoomMessage.From(await grains.GetRoom(ParseRoom(roomId)).ResolveHelpAsync(Caller, requestId));

    public override async Task OnConnectedAsync()
    {
        if (Context.User?.ToCaller() is { IsAdmin: false } caller && !await members.ConnectedAsync(Context, caller.Member))
        {
            Context.Abort();
            return;
        }
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var caller = Context.User?.ToCaller();
        await members.DisconnectedAsync(Context.ConnectionId);
        await rooms.UnfollowAllAsync(Context.ConnectionId);
        foreach (var session in await sessions.LeaveAllAsync(Context.ConnectionId))
        {
            if (caller is not null)
            {
                await grains.GetSession(session).LeaveAsync(caller, Context.ConnectionId);
            }
        }
        foreach (var document in await fanout.LeaveAllAsync(Context.ConnectionId))
        {
            if (caller is not null)
            {
                await grains.GetDocument(document).RemoveCursorAsync(caller, Context.ConnectionId);
            }
        }
        await base.OnDisconnectedAsync(exception);
    }

    private static RoomId ParseRoom(string? roomId) => new(ParseGuid(roomId, "roomId"));

    private static SessionId ParseSession(string? sessionId) => new(ParseGuid(sessionId, "sessionId"));

    private static DocumentId ParseDocument(string? documentId) => new(ParseGuid(documentId, "documentId"));

    private static Guid ParseGuid(string? value, string field) =>
        Guid.TryParse(value, out var id)
            ? id
            : throw CopLiveException.Invalid(field, $"'{field}' must be an id (a GUID); {CopLiveException.Quote(value)} is not.");
}
