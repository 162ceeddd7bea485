using System.Text.Json;
using CopLive.Collab.Text;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Rooms;
using CopLive.Protocol.Sessions;

namespace CopLive.Protocol.Hubs;

/// <summary>The participants' hub (<see cref="HubPaths.Live"/>): co-editing, sessions and rooms. Events: <see cref="ILiveClient"/>.</summary>
public interface ILiveHub : IModerationHub
{
    /// <summary>Subscribes this connection to the document, then returns its text, version and cursors.</summary>
    Task<OpenedDocument> OpenDocument(string documentId);

    /// <summary>
    /// Submits an op made on <paramref name="baseVersion"/>; returns the version it produced once it is stored.
    /// Submitting the same (<paramref name="clientId"/>, <paramref name="seq"/>) again returns the same version.
    /// </summary>
    Task<SubmitReply> SubmitOp(string documentId, string clientId, long seq, long baseVersion, [JsonShape(typeof(TextOp))] JsonElement op);

    /// <summary>Stored ops after <paramref name="fromVersion"/> (at most 1,000), for catch-up after a reconnect.</summary>
    Task<OpsReply> GetOps(string documentId, long fromVersion);

    /// <summary>Places this connection's cursor, in code points of <paramref name="version"/>.</summary>
    Task MoveCursor(string documentId, long version, int anchor, int head);

    /// <summary>Stops receiving the document's events and removes this connection's cursor.</summary>
    Task CloseDocument(string documentId);

    /// <summary>Joins the live session and subscribes to its events; returns the complete state (again after a reconnect).</summary>
    Task<SessionState> JoinSession(string sessionId);

    /// <summary>Leaves the live session.</summary>
    Task LeaveSession(string sessionId);

    /// <summary>Opens the meeting.</summary>
    Task<SessionState> StartSession(string sessionId);

    /// <summary>Starts the agenda's first phase.</summary>
    Task<SessionState> StartAgenda(string sessionId);

    /// <summary>Moves on to the next phase.</summary>
    Task<SessionState> AdvancePhase(string sessionId);

    /// <summary>Pauses the countdown.</summary>
    Task<SessionState> PausePhase(string sessionId);

    /// <summary>Resumes the countdown.</summary>
    Task<SessionState> ResumePhase(string sessionId);

    /// <summary>Opens a breakout round.</summary>
    Task<SessionState> OpenBreakouts(string sessionId, OpenBreakoutsRequest request);

    /// <summary>Picks a room in a self-select round.</summary>
    Task<SessionState> ChooseRoom(string sessionId, string roomId);

    /// <summary>Names the member who records decisions and action items, or nobody (null).</summary>
    Task<SessionState> SetRecorder(string sessionId, string? memberId);

    /// <summary>Marks a decision of the live meeting.</summary>
    Task<SessionState> AddDecision(string sessionId, string text);

    /// <summary>Marks an action item of the live meeting.</summary>
    Task<SessionState> AddActionItem(string sessionId, ActionItemRequest request);

    /// <summary>Marks an action item done, or open again.</summary>
    Task<SessionState> SetActionItemDone(string sessionId, string itemId, bool done);

    /// <summary>Takes back a decision or action item marked by mistake.</summary>
    Task<SessionState> RemoveMinutesEntry(string sessionId, string entryId);

    /// <summary>Starts following a room this caller may read; returns its state.</summary>
    Task<RoomState> OpenRoom(string roomId);

    /// <summary>Stops following a room (and watching it, for a facilitator who was).</summary>
    Task CloseRoom(string roomId);

    /// <summary>
    /// Posts to a room's chat (1–2,000 characters). <paramref name="messageId"/> is a new GUID per message, kept when the
    /// send is retried, so a retry after a lost reply posts the message once.
    /// </summary>
    Task<RoomState> SendChat(string roomId, string text, string messageId);

    /// <summary>Raises or lowers the caller's hand.</summary>
    Task<RoomState> SetHand(string roomId, bool raised);

    /// <summary>Asks a facilitator for help.</summary>
    Task<RoomState> AskForHelp(string roomId, string? note);
}
