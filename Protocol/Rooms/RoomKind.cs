namespace CopLive.Protocol.Rooms;

/// <summary>The session's main room, or a breakout room of a round.</summary>
public enum RoomKind
{
    /// <summary>Everyone in the session who is not in a breakout room.</summary>
    Main,

    /// <summary>A room of a breakout round; only the members assigned to it.</summary>
    Breakout,
}
