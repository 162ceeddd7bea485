using CopLive.Grains.Communities;

namespace CopLive.Gateway.Api.Contracts;

/// <summary>Reply to rotating an invite: the new code for the role.</summary>
public sealed record InviteResponse(CommunityRole Role, string Code);
