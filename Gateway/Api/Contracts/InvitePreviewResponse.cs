using CopLive.Grains.Communities;

namespace CopLive.Gateway.Api.Contracts;

/// <summary>Reply to <c>GET /api/invites/{code}</c>: the community an invite joins and the role it grants.</summary>
public sealed record InvitePreviewResponse(string CommunityName, CommunityRole Role);
