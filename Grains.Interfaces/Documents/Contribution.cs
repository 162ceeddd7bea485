using CopLive.Grains.Ids;

namespace CopLive.Grains.Documents;

/// <summary>One member's contribution to a document.</summary>
/// <param name="Member">The member.</param>
/// <param name="Present">Code points of theirs in the current text.</param>
/// <param name="Inserted">Code points they ever inserted.</param>
/// <param name="Deleted">Code points they ever deleted.</param>
/// <param name="Ops">Ops of theirs committed.</param>
[GenerateSerializer, Immutable, Alias("coplive.Contribution")]
public sealed record Contribution(
    [property: Id(0)] MemberId Member,
    [property: Id(1)] long Present,
    [property: Id(2)] long Inserted,
    [property: Id(3)] long Deleted,
    [property: Id(4)] long Ops);
