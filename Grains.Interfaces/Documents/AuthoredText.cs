using System.Collections.Immutable;

namespace CopLive.Grains.Documents;

/// <summary>A document's current text with who wrote each part (spans cover the text in order).</summary>
[GenerateSerializer, Immutable, Alias("coplive.AuthoredText")]
public sealed record AuthoredText(
    [property: Id(0)] string Text,
    [property: Id(1)] ImmutableArray<AuthorSpan> Authors,
    [property: Id(2)] long Version);
