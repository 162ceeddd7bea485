namespace CopLive.Gateway.Api.Contracts;

/// <summary>Reply to <c>GET /api/me</c>: the caller's profile.</summary>
public sealed record MeResponse(Guid MemberId, string DisplayName, string TimeZone, IReadOnlyList<Guid> Communities);
