using NodaTime;

namespace CopLive.Grains.Practice;

/// <summary>What to look for in a community's library; every part is optional.</summary>
/// <param name="Text">Words in a title or in a plan's text (case and accents ignored).</param>
/// <param name="Tag">Only documents with this tag.</param>
/// <param name="From">Only what is dated on or after this day, in the community's zone.</param>
/// <param name="To">Only what is dated on or before this day, in the community's zone.</param>
[GenerateSerializer, Immutable, Alias("coplive.LibraryQuery")]
public sealed record LibraryQuery(
    [property: Id(0)] string? Text,
    [property: Id(1)] string? Tag,
    [property: Id(2)] LocalDate? From,
    [property: Id(3)] LocalDate? To);
