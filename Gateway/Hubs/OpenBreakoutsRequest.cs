using CopLive.Grains.Sessions;

namespace CopLive.Gateway.Hubs;

/// <summary>Argument of <c>OpenBreakouts</c>: a number of rooms or their names, how members get in, and how long.</summary>
public sealed record OpenBreakoutsRequest(
    int? Rooms,
    IReadOnlyList<string>? Names,
    BreakoutMode Assignment,
    int Minutes,
    IReadOnlyList<AssignmentRequest>? Assignments);

/// <summary>A member placed in a room (0-based index into the rooms), for manual assignment.</summary>
public sealed record AssignmentRequest(Guid MemberId, int Room);
