using CopLive.Protocol.Rooms;
using CopLive.Protocol.Sessions;

namespace CopLive.Protocol.Hubs;

/// <summary>
/// What facilitators do to a running meeting, offered alike by the participants' hub and the console hub. Ids are
/// GUIDs as strings; the server decides every right and records each action in the community's audit log.
/// </summary>
public interface IModerationHub
{
    /// <summary>Closes the meeting; <paramref name="reason"/> goes to the audit log.</summary>
    Task<SessionState> EndSession(string sessionId, string? reason);

    /// <summary>Lengthens the current phase by <paramref name="minutes"/> (negative shortens).</summary>
    Task<SessionState> ExtendPhase(string sessionId, int minutes);

    /// <summary>Moves a member to another room of the round.</summary>
    Task<SessionState> MoveMember(string sessionId, string memberId, string roomId);

    /// <summary>Posts a message to every room.</summary>
    Task<SessionState> BroadcastToRooms(string sessionId, string text);

    /// <summary>Lengthens or shortens the round.</summary>
    Task<SessionState> ExtendRound(string sessionId, int minutes);

    /// <summary>Closes the round: notes merge into the lesson plan, everyone returns to the main room.</summary>
    Task<SessionState> CloseRound(string sessionId);

    /// <summary>Mutes or unmutes a member in the session.</summary>
    Task<SessionState> MuteMember(string sessionId, string memberId, bool muted, string? reason);

    /// <summary>Removes a member from the session; their connections close and they cannot rejoin it.</summary>
    Task<SessionState> RemoveMember(string sessionId, string memberId, string? reason);

    /// <summary>Bans a member from the community; their open connections close at once.</summary>
    Task BanMember(string communityId, string memberId, string? reason);

    /// <summary>Locks or unlocks a document; returns whether it is locked now.</summary>
    Task<bool> LockDocument(string documentId, bool locked, string? reason);

    /// <summary>Takes a help request.</summary>
    Task<RoomState> ClaimHelp(string roomId, long requestId);

    /// <summary>Marks a help request done.</summary>
    Task<RoomState> ResolveHelp(string roomId, long requestId);
}
