using NodaTime;

namespace CopLive.Gateway.Api.Contracts;

/// <summary>One of <c>GET /api/communities/{id}/bans</c>: who was banned (by the name they had; null for bans older than the list) and when.</summary>
public sealed record BannedMemberResponse(Guid MemberId, string? DisplayName, Instant? BannedAt);
