using CopLive.Grains.Ids;
using NodaTime;

namespace CopLive.Grains.Documents;

/// <summary>A validated new document, handed by its community to the document grain.</summary>
[GenerateSerializer, Immutable, Alias("coplive.DocumentSetup")]
public sealed record DocumentSetup(
    [property: Id(0)] CommunityId Community,
    [property: Id(1)] string Title,
    [property: Id(2)] string Text,
    [property: Id(3)] MemberId CreatedBy,
    [property: Id(4)] Instant CreatedAt,
    [property: Id(5)] SessionId Session = default,
    [property: Id(6)] System.Collections.Immutable.ImmutableArray<MemberId> Muted = default);
