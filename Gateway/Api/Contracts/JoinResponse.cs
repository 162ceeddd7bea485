using CopLive.Grains.Communities;

namespace CopLive.Gateway.Api.Contracts;

/// <summary>Reply to <c>POST /api/join</c>: who the person is now, and the token to present from now on.</summary>
public sealed record JoinResponse(
    Guid MemberId,
    Guid CommunityId,
    CommunityRole Role,
    string Token,
    string DisplayName,
    string TimeZone);
