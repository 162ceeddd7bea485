namespace CopLive.Gateway.Api.Contracts;

/// <summary>
/// Reply to <c>GET /api/me/sessions</c>: upcoming sessions of all the caller's communities, soonest first, and the
/// past meetings they attended, newest first, in their zone.
/// </summary>
public sealed record MySessionsResponse(string TimeZone, IReadOnlyList<SessionListItem> Sessions, IReadOnlyList<SessionListItem> Past);
