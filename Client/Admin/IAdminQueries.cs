using CopLive.Client.Live;
using CopLive.Protocol.Documents;
using CopLive.Protocol.Moderation;
using CopLive.Protocol.Rooms;

namespace CopLive.Client.Admin;

/// <summary>What a console reads on demand from the admin hub (the board itself is pushed).</summary>
public interface IAdminQueries
{
    /// <summary>Follows a document read-only; its ops arrive as <c>DocumentOps</c> events.</summary>
    Task<WatchedDocument> WatchDocumentAsync(Guid document);

    /// <summary>Stops following a document.</summary>
    Task UnwatchDocumentAsync(Guid document);

    /// <summary>Looks into a room: its state now; its changes arrive as <c>RoomChanged</c> events. Its members see that the console's facilitator is watching.</summary>
    Task<RoomState> WatchRoomAsync(Guid room);

    /// <summary>Stops looking into a room.</summary>
    Task UnwatchRoomAsync(Guid room);

    /// <summary>Who wrote a document.</summary>
    Task<IReadOnlyList<Contributor>> GetContributorsAsync(Guid document);

    /// <summary>The newest audit entries of one community, or of all in scope (<paramref name="community"/> null).</summary>
    Task<IReadOnlyList<AuditRow>> GetAuditAsync(Guid? community, int limit);
}
