namespace CopLive.Grains.Ids;

/// <summary>Identifies a room of a session: the main room or a breakout room.</summary>
/// <param name="Value">The room's unique id.</param>
[GenerateSerializer, Immutable, Alias("coplive.RoomId")]
public readonly record struct RoomId([property: Id(0)] Guid Value)
{
    /// <summary>A new, random room id.</summary>
    public static RoomId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public override string ToString() => Value.ToString("D");
}
