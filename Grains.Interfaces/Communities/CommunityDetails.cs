using System.Collections.Immutable;
using CopLive.Grains.Documents;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;
using NodaTime;

namespace CopLive.Grains.Communities;

/// <summary>A community as its members see it.</summary>
/// <param name="Id">The community.</param>
/// <param name="Name">Display name.</param>
/// <param name="Description">Optional description.</param>
/// <param name="TimeZone">IANA zone the community meets in.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Members">Members with their roles, in joining order.</param>
/// <param name="UpcomingSessions">Sessions not yet over, soonest first.</param>
/// <param name="Documents">Its documents, in creation order.</param>
[GenerateSerializer, Immutable, Alias("coplive.CommunityDetails")]
public sealed record CommunityDetails(
    [property: Id(0)] CommunityId Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] Instant CreatedAt,
    [property: Id(5)] ImmutableArray<CommunityMember> Members,
    [property: Id(6)] ImmutableArray<SessionSummary> UpcomingSessions,
    [property: Id(7)] ImmutableArray<DocumentSummary> Documents);
