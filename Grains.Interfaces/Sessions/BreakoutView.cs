using System.Collections.Immutable;
using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Grains.Sessions;

/// <summary>The open breakout round: its rooms and who is in each.</summary>
[GenerateSerializer, Immutable, Alias("coplive.BreakoutView")]
public sealed record BreakoutView(
    [property: Id(0)] Guid Round,
    [property: Id(1)] BreakoutMode Mode,
    [property: Id(2)] Instant Deadline,
    [property: Id(3)] ImmutableArray<BreakoutRoom> Rooms,
    [property: Id(4)] bool Closing,
    [property: Id(5)] int? Phase = null);

/// <summary>One breakout room.</summary>
[GenerateSerializer, Immutable, Alias("coplive.BreakoutRoom")]
public sealed record BreakoutRoom(
    [property: Id(0)] RoomId Room,
    [property: Id(1)] string Name,
    [property: Id(2)] DocumentId Notes,
    [property: Id(3)] ImmutableArray<MemberId> Members);
