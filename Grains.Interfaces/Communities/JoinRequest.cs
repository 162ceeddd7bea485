using CopLive.Grains.Ids;

namespace CopLive.Grains.Communities;

/// <summary>A person joining a community with an invite code.</summary>
/// <param name="InviteHash">SHA-256 hex of the canonical invite code (see <see cref="Invites.InviteCode"/>).</param>
/// <param name="Member">The joining member: a new id, or the id from a member token they already hold.</param>
/// <param name="DisplayName">The name others will see (used when the member is new).</param>
/// <param name="TimeZone">The member's IANA time zone; the community's zone when absent.</param>
[GenerateSerializer, Immutable, Alias("coplive.JoinRequest")]
public sealed record JoinRequest(
    [property: Id(0)] string InviteHash,
    [property: Id(1)] MemberId Member,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] string? TimeZone);
