using CopLive.Grains.Ids;

namespace CopLive.Grains.Documents;

/// <summary>A document as its community lists it.</summary>
[GenerateSerializer, Immutable, Alias("coplive.DocumentSummary")]
public sealed record DocumentSummary([property: Id(0)] DocumentId Id, [property: Id(1)] string Title);
