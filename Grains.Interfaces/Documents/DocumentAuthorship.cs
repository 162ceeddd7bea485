using System.Collections.Immutable;

namespace CopLive.Grains.Documents;

/// <summary>Who wrote what, at a version.</summary>
[GenerateSerializer, Immutable, Alias("coplive.DocumentAuthorship")]
public sealed record DocumentAuthorship(
    [property: Id(0)] long Version,
    [property: Id(1)] ImmutableArray<AuthorSpan> Spans,
    [property: Id(2)] ImmutableArray<Contribution> Contributions);
