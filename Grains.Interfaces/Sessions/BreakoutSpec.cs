using System.Collections.Immutable;
using CopLive.Grains.Ids;

namespace CopLive.Grains.Sessions;

/// <summary>A facilitator's request to open a breakout round.</summary>
/// <param name="Rooms">How many rooms (when <paramref name="Names"/> is empty).</param>
/// <param name="Names">The rooms' names, one per room (optional).</param>
/// <param name="Mode">How members get into rooms.</param>
/// <param name="Minutes">How long the round lasts.</param>
/// <param name="Assignments">For manual mode: member → room index (0-based).</param>
[GenerateSerializer, Immutable, Alias("coplive.BreakoutSpec")]
public sealed record BreakoutSpec(
    [property: Id(0)] int Rooms,
    [property: Id(1)] ImmutableArray<string> Names,
    [property: Id(2)] BreakoutMode Mode,
    [property: Id(3)] int Minutes,
    [property: Id(4)] ImmutableArray<RoomAssignment> Assignments);

/// <summary>One member placed in one room of a round.</summary>
[GenerateSerializer, Immutable, Alias("coplive.RoomAssignment")]
public sealed record RoomAssignment([property: Id(0)] MemberId Member, [property: Id(1)] int Room);
