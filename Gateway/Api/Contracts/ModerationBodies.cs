namespace CopLive.Gateway.Api.Contracts;

/// <summary>Body of <c>POST /api/sessions/{id}/members/{memberId}/mute</c>.</summary>
public sealed record MuteBody(bool? Muted, string? Reason);

/// <summary>Body of <c>POST /api/documents/{id}/lock</c>.</summary>
public sealed record LockBody(bool? Locked, string? Reason);

/// <summary>Body of moderation calls that only take a reason (for example a ban).</summary>
public sealed record ReasonBody(string? Reason);
