using CopLive.Protocol.Moderation;

namespace CopLive.Protocol.Hubs;

/// <summary>The events the console hub sends once <c>OpenBoard</c> has started its feed.</summary>
public interface IAdminClient : IDocumentEvents
{
    /// <summary>A session's view, complete.</summary>
    Task SessionBoard(SessionBoard message);

    /// <summary>A community's figures.</summary>
    Task CommunityChanged(CommunityRow message);

    /// <summary>The once-a-second figures.</summary>
    Task Pulse(Pulse message);

    /// <summary>A room this console looks into changed (its chat, hands, help, members or watchers).</summary>
    Task RoomChanged(Rooms.RoomState room);
}
