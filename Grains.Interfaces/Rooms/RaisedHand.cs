using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Grains.Rooms;

/// <summary>A raised hand; hands are kept in the order they went up.</summary>
[GenerateSerializer, Immutable, Alias("coplive.RaisedHand")]
public sealed record RaisedHand([property: Id(0)] MemberId Member, [property: Id(1)] string Name, [property: Id(2)] Instant At);
