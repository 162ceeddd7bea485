namespace CopLive.Gateway.Api.Contracts;

/// <summary>Body of <c>POST /api/communities</c>.</summary>
public sealed record CreateCommunityBody(string? Name, string? Description, string? TimeZone);
