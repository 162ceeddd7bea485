namespace CopLive.Gateway.Api.Contracts;

/// <summary>Body of <c>POST /api/join</c>.</summary>
public sealed record JoinBody(string? InviteCode, string? DisplayName, string? TimeZone);
