using System.Collections.Immutable;
using CopLive.Grains.Ids;
using CopLive.Grains.Sessions;

namespace CopLive.Grains.Directory;

/// <summary>The server's communities and its scheduled, live and recently ended sessions.</summary>
/// <param name="Seq">Increases with every change; the newest view wins.</param>
/// <param name="Communities">Every community, oldest first.</param>
/// <param name="Sessions">Scheduled and live sessions, and those that ended within <c>DirectoryGrain.EndedKept</c>.</param>
[GenerateSerializer, Immutable, Alias("coplive.DirectoryView")]
public sealed record DirectoryView(
    [property: Id(0)] long Seq,
    [property: Id(1)] ImmutableArray<DirectoryCommunity> Communities,
    [property: Id(2)] ImmutableArray<SessionSummary> Sessions);

/// <summary>A community as the directory lists it.</summary>
[GenerateSerializer, Immutable, Alias("coplive.DirectoryCommunity")]
public sealed record DirectoryCommunity([property: Id(0)] CommunityId Id, [property: Id(1)] string Name);
