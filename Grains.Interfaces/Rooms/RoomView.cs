using System.Collections.Immutable;
using CopLive.Grains.Ids;

namespace CopLive.Grains.Rooms;

/// <summary>A room's complete state, numbered by <see cref="Seq"/> (each change increases it).</summary>
[GenerateSerializer, Immutable, Alias("coplive.RoomView")]
public sealed record RoomView(
    [property: Id(0)] RoomId Id,
    [property: Id(1)] SessionId Session,
    [property: Id(2)] long Seq,
    [property: Id(3)] string Name,
    [property: Id(4)] RoomKind Kind,
    [property: Id(5)] DocumentId Notes,
    [property: Id(6)] ImmutableArray<MemberId> Members,
    [property: Id(7)] ImmutableArray<ChatMessage> Chat,
    [property: Id(8)] ImmutableArray<RaisedHand> Hands,
    [property: Id(9)] ImmutableArray<HelpRequest> Help,
    [property: Id(10)] bool Closed,
    [property: Id(11)] ImmutableArray<RoomWatcher> Watchers = default);

/// <summary>A facilitator looking into a breakout room without being in it: the room shows who is watching.</summary>
[GenerateSerializer, Immutable, Alias("coplive.RoomWatcher")]
public sealed record RoomWatcher([property: Id(0)] MemberId Member, [property: Id(1)] string Name);
