using CopLive.Grains.Ids;

namespace CopLive.Grains.Documents;

/// <summary>A document as its community lists it.</summary>
[GenerateSerializer, Immutable, Alias("coplive.DocumentSummary")]
public sealed record DocumentSummary(
    [property: Id(0)] DocumentId Id,
    [property: Id(1)] string Title,
    [property: Id(2)] NodaTime.Instant? CreatedAt = null,
    [property: Id(3)] System.Collections.Immutable.ImmutableArray<string> Tags = default,
    [property: Id(4)] SessionId Session = default);
