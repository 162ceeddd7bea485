namespace CopLive.Grains.Communities;

/// <summary>
/// The plain invite codes of a community, one per role. They exist in plain form only in this reply:
/// the community keeps their hashes.
/// </summary>
[GenerateSerializer, Immutable, Alias("coplive.InviteCodes")]
public sealed record InviteCodes(
    [property: Id(0)] string Owner,
    [property: Id(1)] string Facilitator,
    [property: Id(2)] string Member,
    [property: Id(3)] string Observer);
