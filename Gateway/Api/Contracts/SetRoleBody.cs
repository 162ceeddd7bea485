namespace CopLive.Gateway.Api.Contracts;

/// <summary>Body of <c>PUT /api/communities/{id}/members/{memberId}/role</c>.</summary>
public sealed record SetRoleBody(string? Role, string? Reason);
