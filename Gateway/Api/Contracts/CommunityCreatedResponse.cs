namespace CopLive.Gateway.Api.Contracts;

/// <summary>Reply to <c>POST /api/communities</c>: the new community and its invite codes, shown this once.</summary>
public sealed record CommunityCreatedResponse(Guid Id, InvitesResponse Invites);

/// <summary>One invite code per role.</summary>
public sealed record InvitesResponse(string Owner, string Facilitator, string Member, string Observer);
