using NodaTime;

namespace CopLive.Gateway.Api.Contracts;

/// <summary>A page of the audit log, newest first; pass the last entry's id as <c>before</c> for the next page.</summary>
public sealed record AuditResponse(IReadOnlyList<AuditEntryResponse> Entries);

/// <summary>One audit entry.</summary>
public sealed record AuditEntryResponse(
    long Id, Instant At, Guid? ActorId, string ActorName, string Action, Guid? TargetId, string? TargetName, string? Detail, string? Reason, string Outcome);
