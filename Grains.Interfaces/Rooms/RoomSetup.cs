using System.Collections.Immutable;
using CopLive.Grains.Ids;

namespace CopLive.Grains.Rooms;

/// <summary>A new room, as its session creates it.</summary>
[GenerateSerializer, Immutable, Alias("coplive.RoomSetup")]
public sealed record RoomSetup(
    [property: Id(0)] SessionId Session,
    [property: Id(1)] CommunityId Community,
    [property: Id(2)] string Name,
    [property: Id(3)] RoomKind Kind,
    [property: Id(4)] DocumentId Notes,
    [property: Id(5)] ImmutableArray<MemberId> Members,
    [property: Id(6)] ImmutableArray<MemberId> Muted = default);
