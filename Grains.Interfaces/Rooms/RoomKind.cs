namespace CopLive.Grains.Rooms;

/// <summary>The session's main room, or a breakout room of a round.</summary>
[GenerateSerializer, Alias("coplive.RoomKind")]
public enum RoomKind
{
    /// <summary>Everyone in the session who is not in a breakout room.</summary>
    Main = 0,

    /// <summary>A room of a breakout round; only the members assigned to it.</summary>
    Breakout = 1,
}
