using System.Collections.Immutable;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;

namespace CopLive.Grains.Communities;

/// <summary>A community's sessions that are not yet over, soonest first.</summary>
[GenerateSerializer, Immutable, Alias("coplive.CommunityUpcoming")]
public sealed record CommunityUpcoming(
    [property: Id(0)] CommunityId Community,
    [property: Id(1)] string CommunityName,
    [property: Id(2)] ImmutableArray<SessionSummary> Sessions);
