using CopLive.Protocol.Documents;
using CopLive.Protocol.Moderation;

namespace CopLive.Protocol.Hubs;

/// <summary>The moderators' console hub (<see cref="HubPaths.Admin"/>), for the admin key or a facilitator's token. Events: <see cref="IAdminClient"/>.</summary>
public interface IAdminHub : IModerationHub
{
    /// <summary>Starts this console's feed and returns everything in its scope.</summary>
    Task<Board> OpenBoard();

    /// <summary>Follows a document read-only: its text and contributors; its <c>DocumentOps</c> events follow.</summary>
    Task<WatchedDocument> WatchDocument(string documentId);

    /// <summary>
    /// Looks into a room: returns its state, and its <c>RoomChanged</c> events follow. A breakout room's members see
    /// that this console's facilitator is watching.
    /// </summary>
    Task<Rooms.RoomState> WatchRoom(string roomId);

    /// <summary>Stops looking into a room.</summary>
    Task UnwatchRoom(string roomId);

    /// <summary>Stops following a document.</summary>
    Task UnwatchDocument(string documentId);

    /// <summary>Who wrote a document, most present text first.</summary>
    Task<IReadOnlyList<Contributor>> GetContributors(string documentId);

    /// <summary>The newest audit entries (1–200) of one community, or of every community in scope when <paramref name="communityId"/> is null.</summary>
    Task<IReadOnlyList<AuditRow>> GetAudit(string? communityId, int limit);
}
