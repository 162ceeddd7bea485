using CopLive.Grains.Ids;

namespace CopLive.Grains.Documents;

/// <summary>Consecutive code points by one author; <see cref="Author"/> is default for starting text nobody in particular wrote.</summary>
[GenerateSerializer, Immutable, Alias("coplive.AuthorSpan")]
public sealed record AuthorSpan([property: Id(0)] MemberId Author, [property: Id(1)] int Length);
