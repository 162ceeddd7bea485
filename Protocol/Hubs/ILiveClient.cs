using CopLive.Protocol.Rooms;
using CopLive.Protocol.Sessions;

namespace CopLive.Protocol.Hubs;

/// <summary>The events the participants' hub sends.</summary>
public interface ILiveClient : IDocumentEvents
{
    /// <summary>A joined session's complete state.</summary>
    Task SessionChanged(SessionState message);

    /// <summary>A followed room's complete state.</summary>
    Task RoomChanged(RoomState message);
}
