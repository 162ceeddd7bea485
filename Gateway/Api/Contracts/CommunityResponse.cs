using CopLive.Grains.Communities;
using NodaTime;

namespace CopLive.Gateway.Api.Contracts;

/// <summary>Reply to <c>GET /api/communities/{id}</c>; session times are in the community's zone.</summary>
public sealed record CommunityResponse(
    Guid Id,
    string Name,
    string? Description,
    string TimeZone,
    Instant CreatedAt,
    IReadOnlyList<CommunityMemberResponse> Members,
    IReadOnlyList<SessionListItem> UpcomingSessions,
    IReadOnlyList<DocumentListItem> Documents)
{
    public static CommunityResponse From(CommunityDetails c) => new(
        c.Id.Value, c.Name, c.Description, c.TimeZone, c.CreatedAt,
        [.. c.Members.Select(m => new CommunityMemberResponse(m.Member.Value, m.DisplayName, m.Role, m.JoinedAt))],
        [.. c.UpcomingSessions.Select(s => SessionListItem.From(s, c.TimeZone))],
        [.. c.Documents.Select(d => new DocumentListItem(d.Id.Value, d.Title))]);
}

/// <summary>A member with their role.</summary>
public sealed record CommunityMemberResponse(Guid MemberId, string DisplayName, CommunityRole Role, Instant JoinedAt);

/// <summary>A document of the community.</summary>
public sealed record DocumentListItem(Guid Id, string Title);
