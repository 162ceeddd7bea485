using CopLive.Grains.Communities;
using CopLive.Grains.Ids;

namespace CopLive.Grains.Sessions;

/// <summary>A member present in a live session (however many tabs they have open).</summary>
[GenerateSerializer, Immutable, Alias("coplive.Participant")]
public sealed record Participant(
    [property: Id(0)] MemberId Member,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] CommunityRole Role);
